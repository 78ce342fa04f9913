namespace Lsb.Hub.CustomerView.Bench;

/// <summary>The command line: sizes, where the data lives, how many queries and batches.</summary>
public sealed record BenchOptions(int Members, long Loans, string DataDirectory, bool Keep, int Queries, int WarmupQueries, int IntakeBatches)
{
    public static BenchOptions Parse(string[] args)
    {
        string? data = Value(args, "--data");
        return new BenchOptions(
            int.Parse(Value(args, "--members") ?? "1000000", System.Globalization.CultureInfo.InvariantCulture),
            long.Parse(Value(args, "--loans") ?? "10000000", System.Globalization.CultureInfo.InvariantCulture),
            data ?? Path.Combine(Path.GetTempPath(), "lsb-bench-customer-view"),
            args.Contains("--keep") || data is not null,
            int.Parse(Value(args, "--queries") ?? "20000", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Value(args, "--warmup") ?? "5000", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Value(args, "--batches") ?? "100", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string? Value(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
