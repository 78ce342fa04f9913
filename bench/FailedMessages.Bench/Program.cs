using Lsb.Hub.FailedMessages.Bench;

var failed = Arg(args, "--failed", 10_000);
var live = Arg(args, "--live", 100_000);
if (args.Contains("--help"))
{
    Console.Error.WriteLine("usage: FailedMessages.Bench [--failed N (10000)] [--live N (100000)]");
    return 2;
}
await ReplayBenchmark.RunAsync(failed, live);
return 0;

static int Arg(string[] args, string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
}
