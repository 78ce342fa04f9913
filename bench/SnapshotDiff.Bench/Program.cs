using System.Diagnostics;
using System.Globalization;
using Lsb.Hub.Bench.SnapshotDiff;
using Lsb.Hub.Simulators.Brocade;

// Snapshot diff benchmark (issue 6). Without "diff": writes two nights of a synthetic full holdings export with the
// Brocade simulator (night 1 changes --changed of the copies), lets the adapter read night 0 (the baseline), then
// starts itself again ("diff") so the diff of night 1 is measured in a fresh process: the changes are read and translated
// into canonical events; it prints wall and CPU time (also per million rows), rows/s, events/s and peak RSS.
var rows = Option("--rows", 1_000_000);
var changed = double.Parse(OptionText("--changed") ?? "0.01", CultureInfo.InvariantCulture);
var shuffled = args.Contains("--shuffled");
var sortMegabytes = Option("--sort-mb", 48);
var dir = OptionText("--dir") ?? Path.Combine(Path.GetTempPath(), $"lsb-snapshot-diff-{rows}{(shuffled ? "-shuffled" : "")}");
var exports = Path.Combine(dir, "exports");
var state = Path.Combine(dir, "state");

if (args.Contains("diff"))
{
    var cursor = await File.ReadAllTextAsync(Path.Combine(dir, "cursor.txt"));
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var diff = await DiffRun.ReadAsync(exports, state, cursor, sortMegabytes, translate: true);
    var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
    var wall = diff.Elapsed.TotalSeconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"diff: {rows:N0} rows {(shuffled ? "(unsorted export: external sort)" : "(sorted export)")}, {diff.Changes:N0} changes -> {diff.Events:N0} canonical events ({diff.Failed:N0} failed to translate)"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  time {wall:F2} s wall, {cpu.TotalSeconds:F2} s CPU; per million rows {wall * 1_000_000 / rows:F2} s wall, {cpu.TotalSeconds * 1_000_000 / rows:F2} s CPU"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  {rows / wall:N0} rows/s, {diff.Events / wall:N0} events/s; peak RSS {PeakMemory.Mebibytes():F0} MiB; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
    return diff.Failed == 0 ? 0 : 1;
}

if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
Directory.CreateDirectory(exports);
await using (var simulator = await BrocadeSimulator.StartAsync(new BrocadeSimulatorOptions { MembersPerLibrary = 0, CopiesPerLibrary = 0, LoansPerLibrary = 0, ExportFolder = Path.Combine(dir, "sim") }))
{
    var clock = Stopwatch.StartNew();
    simulator.Control.WriteSyntheticHoldingsExport(rows, night: 0, changedShare: changed, shuffled: shuffled, folder: exports, number: 1);
    Console.WriteLine($"night 0 written: {rows:N0} copies in {clock.Elapsed.TotalSeconds:F1} s");
    var baseline = await DiffRun.ReadAsync(exports, state, null, sortMegabytes, translate: false);
    Console.WriteLine($"baseline read by the adapter: {baseline.Changes:N0} changes in {baseline.Elapsed.TotalSeconds:F1} s (not timed below)");
    await File.WriteAllTextAsync(Path.Combine(dir, "cursor.txt"), baseline.Cursor);
    clock.Restart();
    simulator.Control.WriteSyntheticHoldingsExport(rows, night: 1, changedShare: changed, shuffled: shuffled, folder: exports, number: 2);
    Console.WriteLine($"night 1 written ({changed:P1} changed) in {clock.Elapsed.TotalSeconds:F1} s");
}
using var child = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, [.. args, "diff", "--dir", dir]) { UseShellExecute = false })!;
await child.WaitForExitAsync();
return child.ExitCode;

int Option(string name, int fallback) => OptionText(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

string? OptionText(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
