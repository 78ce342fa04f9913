using Lsb.Hub.Bench;

var command = args.Length > 0 ? args[0] : "ingest";
var count = Arg(args, "--count", 200_000);
var baselineCount = Arg(args, "--baseline-count", count);
var skipBaselines = args.Contains("--skip-baselines");
switch (command)
{
    case "ingest":
        var ingest = await IngestBenchmark.RunAsync(count);
        Report.Line($"hub ingest (Wise simulator → adapter → bus → state + log, SQLite embedded default)", ingest);
        if (!skipBaselines)
        {
            var wolverine = await WolverineBaseline.RunAsync(baselineCount);
            Report.Line("baseline: bare Wolverine durable local queue, no-op handler, one message per event", wolverine);
            var (ado, native) = await SqliteCeiling.RunAsync(ingest.DatabasePath);
            Report.Line("ceiling: raw batched inserts of the same event-log rows into SQLite (WAL, 500 per transaction), ADO.NET prepared insert", ado);
            Report.Line("ceiling: the same, native SQLitePCL prepared statement (what the hub's writer uses)", native);
            var ceiling = Math.Max(ado.PerSecond, native.PerSecond);
            Console.WriteLine();
            Console.WriteLine($"hub / bare Wolverine      = {ingest.PerSecond / wolverine.PerSecond:F1}x");
            Console.WriteLine($"hub / raw SQLite ceiling  = {ingest.PerSecond / ceiling:P0} (of the faster ceiling, {ceiling:N0} rows/s)");
        }
        IngestBenchmark.Cleanup(ingest);
        return 0;
    default:
        Console.Error.WriteLine("usage: Hub.Bench ingest [--count N] [--baseline-count N] [--skip-baselines]");
        return 2;
}

static int Arg(string[] args, string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
}
