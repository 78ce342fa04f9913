using System.Diagnostics;
using System.Globalization;
using Lsb.Hub.Marc;
using Lsb.Hub.Marc.Bench;

// Times the hub's MARC reader, MARCXML reader and ISO 2709 writer, and yaz-marcdump on the same file in the same run.
var file = Option("--file", "/tmp/bench200k.mrc");
var runs = int.Parse(Option("--runs", "3"), CultureInfo.InvariantCulture);
BenchFile.EnsureExists(file);
Console.WriteLine($"file {file}: {new FileInfo(file).Length:N0} bytes; {runs} runs each, median reported; {Environment.ProcessorCount} CPUs, .NET {Environment.Version}, load average {Load()}");

// Hub and yaz runs are interleaved round by round, so a neighbour's load hits all three alike (the box is shared).
var reader = ReadAll(file);
if (reader.Records != BenchFile.ExpectedRecords)
{
    Console.Error.WriteLine($"expected {BenchFile.ExpectedRecords:N0} records, read {reader.Records:N0}");
    return 1;
}

if (Environment.GetCommandLineArgs().Contains("--hub-only"))
{
    Row("hub Iso2709Reader", Runs(() => ReadAll(file)), null);
    return 0;
}

var rounds = Interleaved(() => ReadAll(file), () => Yaz(file, string.Empty, reader.Records), () => Yaz(file, "-f utf-8 -t utf-8", reader.Records));
var hub = Measurement.Median(rounds[0]);
var yazPlain = Measurement.Median(rounds[1]);
var yazConvert = Measurement.Median(rounds[2]);
var plainRatios = rounds[0].Zip(rounds[1], (h, y) => h.RecordsPerSecond / y.RecordsPerSecond).Order().ToList();
var convertRatios = rounds[0].Zip(rounds[2], (h, y) => h.RecordsPerSecond / y.RecordsPerSecond).Order().ToList();
var xmlFile = Path.ChangeExtension(file, ".xml");
WriteXml(file, xmlFile);
var xml = Runs(() => ReadXml(xmlFile));
var write = Runs(() => WriteIso(file));

Console.WriteLine();
Console.WriteLine("| task | median s | records/s | alloc/record | hub reader ÷ this |");
Console.WriteLine("|---|---|---|---|---|");
Row("hub Iso2709Reader (full records, all text decoded)", hub, null);
Row("yaz-marcdump FILE > /dev/null (no conversion)", yazPlain, hub.RecordsPerSecond / yazPlain.RecordsPerSecond);
Row("yaz-marcdump -f utf-8 -t utf-8 FILE > /dev/null", yazConvert, hub.RecordsPerSecond / yazConvert.RecordsPerSecond);
Row("hub MarcXmlReader (MARCXML of the same records)", xml, null);
Row("hub Iso2709Writer (UTF-8)", write, null);
Console.WriteLine();
Console.WriteLine($"hub reader vs yaz without conversion: {hub.RecordsPerSecond / yazPlain.RecordsPerSecond:F2}x of medians, per-round {string.Join(" / ", plainRatios.Select(r => $"{r:F2}x"))} (target >= 1.0x)");
Console.WriteLine($"hub reader vs yaz with conversion:    {hub.RecordsPerSecond / yazConvert.RecordsPerSecond:F2}x of medians, per-round {string.Join(" / ", convertRatios.Select(r => $"{r:F2}x"))} (target >= 2.5x)");
Console.WriteLine($"load average at the end: {Load()}");
return 0;

List<Measurement>[] Interleaved(params Func<Measurement>[] tasks)
{
    var results = tasks.Select(_ => new List<Measurement>()).ToArray();
    foreach (var task in tasks)
    {
        task(); // warm-up (JIT, page cache)
    }

    for (var round = 0; round < runs; round++)
    {
        for (var t = 0; t < tasks.Length; t++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            results[t].Add(tasks[t]());
        }
    }

    foreach (var list in results)
    {
        Console.WriteLine($"  runs: {string.Join(", ", list.Select(r => $"{r.RecordsPerSecond:N0} rec/s"))}");
    }

    return results;
}

Measurement Runs(Func<Measurement> run)
{
    run(); // warm-up (JIT, page cache)
    var results = new List<Measurement>();
    for (var i = 0; i < runs; i++)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        results.Add(run());
    }

    Console.WriteLine($"  runs: {string.Join(", ", results.Select(r => $"{r.RecordsPerSecond:N0} rec/s"))}");
    return Measurement.Median(results);
}

static Measurement ReadAll(string path)
{
    long records = 0;
    long fields = 0;
    var before = GC.GetAllocatedBytesForCurrentThread();
    var clock = Stopwatch.StartNew();
    using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan))
    using (var reader = new Iso2709Reader(stream, MarcReaderOptions.Strict))
    {
        while (reader.Read() is { } record)
        {
            records++;
            fields += record.Fields.Count;
        }
    }

    clock.Stop();
    GC.KeepAlive(fields);
    return new Measurement(clock.Elapsed.TotalSeconds, records, GC.GetAllocatedBytesForCurrentThread() - before);
}

static Measurement Yaz(string path, string arguments, long records)
{
    var start = new ProcessStartInfo("/bin/sh", ["-c", $"yaz-marcdump {arguments} '{path}' > /dev/null"]) { UseShellExecute = false };
    var clock = Stopwatch.StartNew();
    using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start yaz-marcdump (apt-get install -y yaz)");
    process.WaitForExit();
    clock.Stop();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"yaz-marcdump {arguments} exited {process.ExitCode}; is yaz installed (apt-get install -y yaz)?");
    }

    return new Measurement(clock.Elapsed.TotalSeconds, records, 0);
}

static void WriteXml(string source, string target)
{
    if (File.Exists(target) && File.GetLastWriteTimeUtc(target) > File.GetLastWriteTimeUtc(source))
    {
        return;
    }

    using var input = File.OpenRead(source);
    using var output = File.Create(target);
    MarcXmlWriter.WriteCollection(Iso2709Reader.ReadAll(input), output);
}

static Measurement ReadXml(string path)
{
    long records = 0;
    var before = GC.GetAllocatedBytesForCurrentThread();
    var clock = Stopwatch.StartNew();
    using (var stream = File.OpenRead(path))
    {
        foreach (var record in MarcXmlReader.ReadAll(stream))
        {
            records++;
        }
    }

    clock.Stop();
    return new Measurement(clock.Elapsed.TotalSeconds, records, GC.GetAllocatedBytesForCurrentThread() - before);
}

static Measurement WriteIso(string path)
{
    // Records are read once outside the clock; the clock covers serialising them BenchFile.Copies times.
    var seed = Iso2709Reader.ReadAll(File.OpenRead(path)).Take(383).ToList();
    long records = 0;
    var before = GC.GetAllocatedBytesForCurrentThread();
    var clock = Stopwatch.StartNew();
    using (var writer = new Iso2709Writer(Stream.Null))
    {
        for (var i = 0; i < BenchFile.Copies; i++)
        {
            foreach (var record in seed)
            {
                writer.Write(record);
                records++;
            }
        }
    }

    clock.Stop();
    return new Measurement(clock.Elapsed.TotalSeconds, records, GC.GetAllocatedBytesForCurrentThread() - before);
}

static void Row(string task, Measurement m, double? ratio)
    => Console.WriteLine($"| {task} | {m.Seconds:F2} | {m.RecordsPerSecond:N0} | {(m.AllocatedBytes > 0 ? $"{m.BytesPerRecord:N0} B" : "-")} | {(ratio is null ? "" : $"{ratio:F2}x")} |");

static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

static string Option(string name, string fallback)
{
    var args = Environment.GetCommandLineArgs();
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}
