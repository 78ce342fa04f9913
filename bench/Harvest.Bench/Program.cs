using Lsb.Hub.Bench.Harvest;

var records = Arg(args, "--records", 100_000);
var maxCopies = Arg(args, "--max-copies", 2);
var pageSize = Arg(args, "--page-size", 1000);
Console.WriteLine($"V-smart harvest benchmark: {records:N0} records with 1..{maxCopies} copies, hub pages of {pageSize:N0} changes, load average {Load()}");

var adapterOnly = await AdapterHarvest.RunAsync(records, maxCopies);
Console.WriteLine($"adapter only (OAI-PMH ListRecords → MARCXML reader → VendorChange → Translate): {adapterOnly.Holdings:N0} holdings from {adapterOnly.Records:N0} records " +
    $"in {adapterOnly.Elapsed.TotalSeconds:F2} s = {adapterOnly.HoldingsPerSecond:N0} holdings/s ({adapterOnly.Records / adapterOnly.Elapsed.TotalSeconds:N0} records/s); " +
    $"CPU {adapterOnly.Cpu.TotalSeconds:F1} s = {adapterOnly.HoldingsPerCpuSecond:N0} holdings per CPU-second");

var hub = await HubHarvest.RunAsync(records, maxCopies, pageSize);
Console.WriteLine($"hub end to end (simulator → adapter → bus → canonical holdings + event log, SQLite): {hub.Holdings:N0} holdings from {hub.Records:N0} records " +
    $"in {hub.Elapsed.TotalSeconds:F2} s = {hub.HoldingsPerSecond:N0} holdings/s ({hub.Records / hub.Elapsed.TotalSeconds:N0} records/s); " +
    $"CPU {hub.Cpu.TotalSeconds:F1} s = {hub.HoldingsPerCpuSecond:N0} holdings per CPU-second");
Console.WriteLine($"load average at the end: {Load()}");
return 0;

static int Arg(string[] args, string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
}

static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
