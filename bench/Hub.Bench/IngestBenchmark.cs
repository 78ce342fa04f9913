using System.Diagnostics;
using Dapper;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Canonical.Installations;
using Lsb.Hub.Ingest;
using Lsb.Hub.Installations;
using Lsb.Hub.Simulators.Wise;
using Lsb.Hub.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Lsb.Hub.Bench;

/// <summary>
/// The Wise simulator produces <c>count</c> changes; a hub on the embedded default (SQLite) is started, registers the
/// installation and ingests until its feeds are drained. Timed from registration until the last page is applied.
/// </summary>
public static class IngestBenchmark
{
    public static async Task<Measurement> RunAsync(int count, int warmup, bool keepRunningForFeed = false)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "lsb-bench-ingest-" + Guid.NewGuid().ToString("N")[..8]);
        // LSB_BENCH_PATRONS / LSB_BENCH_ITEMS: a larger seed per library organisation, for state tables that no longer fit
        // in a few hundred pages (docs/performance.md).
        var wise = await WiseSimulator.StartAsync(new WiseSimulatorOptions
        {
            PatronsPerLibrary = SeedSize("LSB_BENCH_PATRONS", 50), ItemsPerLibrary = SeedSize("LSB_BENCH_ITEMS", 200), LoansPerLibrary = 20,
        });
        var access = wise.Installation(WiseDefaultTopology.InstallationName);

        var settings = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = dataDirectory,
            ["Ingest:PageSize"] = Environment.GetEnvironmentVariable("LSB_BENCH_PAGE_SIZE") ?? "1000",
            ["Ingest:PollInterval"] = "00:00:00.100",
            ["Ingest:MaxPagesInFlight"] = Environment.GetEnvironmentVariable("LSB_BENCH_PAGES_IN_FLIGHT") ?? "8",
            ["Serilog:MinimumLevel:Default"] = Environment.GetEnvironmentVariable("LSB_BENCH_LOG") ?? "Warning",
            ["Auth:ApiKeys:0:Key"] = "bench-admin-key-0000000001",
            ["Auth:ApiKeys:0:Scopes:0"] = "admin",
            ["Auth:ApiKeys:1:Key"] = "bench-dwh-key-00000000000001",
            ["Auth:ApiKeys:1:Scopes:0"] = "dwh",
            ["Dwh:PseudonymKey"] = ScaleOutBenchmark.DwhKey,
            [$"Credentials:{access.Name}:AppId"] = access.AppId,
            [$"Credentials:{access.Name}:AppKey"] = access.AppKey,
        };
        // LSB_BENCH_CHECKPOINT_INTERVAL=00:00:00: SQLite checkpoints inside the commits (the background checkpointer off).
        if (Environment.GetEnvironmentVariable("LSB_BENCH_CHECKPOINT_INTERVAL") is { Length: > 0 } checkpoint) settings["Storage:SqliteCheckpointInterval"] = checkpoint;
        // LSB_BENCH_APPLY_INLINE=false: pages go through the bus's durable inbox (as with a broker) instead of being applied inline.
        if (Environment.GetEnvironmentVariable("LSB_BENCH_APPLY_INLINE") is { Length: > 0 } inline) settings["Ingest:ApplyInline"] = inline;
        // LSB_BENCH_ROW_CACHE=N: rows of each kind kept between pages (Ingest:RowCacheSize; 0 turns it off).
        if (Environment.GetEnvironmentVariable("LSB_BENCH_ROW_CACHE") is { Length: > 0 } rowCache) settings["Ingest:RowCacheSize"] = rowCache;
        var app = HubApplication.Build(["--urls", "http://127.0.0.1:0"], builder => builder.Configuration.AddInMemoryCollection(settings));
        await app.StartAsync();
        var database = app.Services.GetRequiredService<HubDatabase>();
        var backpressure = app.Services.GetRequiredService<IngestBackpressure>();
        var store = app.Services.GetRequiredService<InstallationStore>();

        // Warm-up: register and ingest the simulator's seed, then `warmup` generated changes: the JIT's tiering, Wolverine's
        // handler code generation (Roslyn, on a message type's first use) and SQLite's caches are done before the clock starts.
        await store.RegisterAsync(new InstallationDescriptor(InstallationId.Parse(access.Name), Vendor.Wise, access.Endpoint, access.Name,
            [.. access.Libraries.Select(l => new LibraryRef(Isil.Parse(l.Isil), l.LibraryId, l.Name))]), "bench", null, "bench", CancellationToken.None);
        await WaitUntilDrainedAsync(database, backpressure, access.Name, Stopwatch.StartNew());
        if (warmup > 0)
        {
            wise.Control.Generate(access.Name, warmup);
            await WaitUntilDrainedAsync(database, backpressure, access.Name, Stopwatch.StartNew());
        }
        var headBefore = await HeadAsync(database);
        var readBefore = await ReadAsync(database);
        Console.WriteLine($"warm-up: seed and {warmup:N0} generated changes ingested ({headBefore:N0} events)");

        var generated = wise.Control.Generate(access.Name, count);
        Console.WriteLine($"simulator: {generated.Total:N0} changes generated ({generated.Patrons:N0} patron, {generated.Items:N0} item, {generated.Loans:N0} loan)");
        // The simulator runs in this process, so the feed it just generated (≈ 600 bytes of JSON per change) is young garbage-
        // collected memory of the hub's process; left alone, the first collections in the measured window copy it to the
        // older generations (≈ 250 ms of pauses at 300,000 changes). A vendor's feed is never in the hub's memory: settle it
        // before the clock starts.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var ingest = app.Services.GetRequiredService<CanonicalIngest>();
        var kept = ingest.Kept;
        var aheadBefore = ingest.DecidedAhead;
        var (hitsBefore, missesBefore, droppedBefore) = (kept?.Hits ?? 0, kept?.Misses ?? 0, kept?.Invalidations ?? 0);
        // LSB_BENCH_ALLOC=1: what the run allocates, by type (sampled by the runtime every ≈ 100 KB).
        using var allocations = Environment.GetEnvironmentVariable("LSB_BENCH_ALLOC") is { Length: > 0 } ? new AllocationSampler() : null;
        var gc = GcCounts.Now();
        var io = IoCounts.Now();
        var (jitMethods, jitTime) = (System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());
        var clock = Stopwatch.StartNew();
        var elapsed = await WaitUntilDrainedAsync(database, backpressure, access.Name, clock);
        // CPU of the whole process (hub and simulator) until the drain was seen: less sensitive than the wall clock to
        // other tenants of the machine.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var gcDuring = GcCounts.Now() - gc;
        var (jitMethodsDuring, jitTimeDuring) = (System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethods, System.Runtime.JitInfo.GetCompilationTime() - jitTime);
        var ioDuring = IoCounts.Now() - io;
        allocations?.Print();
        var events = await HeadAsync(database) - headBefore;
        var read = await ReadAsync(database) - readBefore;
        var detail = $"({read:N0} vendor changes read, {read / elapsed.TotalSeconds:N0}/s; process CPU {cpu.TotalSeconds:F1} s = {cpu.TotalMicroseconds / Math.Max(1, read):F0} µs per change; " +
            $"{gcDuring.Allocated / Math.Max(1, read):N0} bytes allocated per change; GC paused {gcDuring.Paused.TotalMilliseconds:N0} ms in " +
            $"{gcDuring.Gen0}/{gcDuring.Gen1}/{gcDuring.Gen2} collections of generation 0/1/2; " +
            $"JIT compiled {jitMethodsDuring:N0} methods in {jitTimeDuring.TotalMilliseconds:N0} ms; " +
            $"{ioDuring.Read / Math.Max(1, read):N0} bytes read and {ioDuring.Written / Math.Max(1, read):N0} written by system calls per change; " +
            (kept is null ? "no rows kept between pages)"
                : $"rows kept between pages: {kept.Hits - hitsBefore:N0} found, {kept.Misses - missesBefore:N0} read, dropped {kept.Invalidations - droppedBefore:N0} times; " +
                  $"pages decided ahead: {ingest.DecidedAhead.Applied - aheadBefore.Applied:N0} applied as decided, {ingest.DecidedAhead.DecidedAgain - aheadBefore.DecidedAgain:N0} decided again)");
        if (keepRunningForFeed)
        {
            var address = app.Urls.First();
            return new Measurement(events, elapsed, Path.Combine(dataDirectory, "hub.db"), detail, new Uri(address), new RunningHub(app, wise));
        }
        await app.StopAsync();
        await app.DisposeAsync();
        await wise.DisposeAsync();
        return new Measurement(events, elapsed, Path.Combine(dataDirectory, "hub.db"), detail);
    }

    /// <summary>Waits until the feeds are read and every queued page is applied; returns when that last happened.</summary>
    private static async Task<TimeSpan> WaitUntilDrainedAsync(HubDatabase database, IngestBackpressure backpressure, string installation, Stopwatch clock)
    {
        long lastRead = -1;
        var stableSince = Stopwatch.StartNew();
        var finishedAt = TimeSpan.Zero;
        while (true)
        {
            await Task.Delay(20);
            var read = await ReadAsync(database);
            if (read != lastRead || backpressure.InFlight(installation) > 0)
            {
                lastRead = read;
                stableSince.Restart();
                finishedAt = clock.Elapsed;
                continue;
            }
            if (read > 0 && stableSince.Elapsed > TimeSpan.FromSeconds(1.5)) return finishedAt;
        }
    }

    private static async Task<long> HeadAsync(HubDatabase database)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT last_position FROM event_log_head");
    }

    private static async Task<long> ReadAsync(HubDatabase database)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteScalarAsync<long?>("SELECT changes_read FROM ingest_cursors") ?? 0;
    }

    /// <summary>Stops a hub kept running for the feed measurement.</summary>
    public static async Task StopAsync(Measurement ingest)
    {
        if (ingest.Running is not null) await ingest.Running.DisposeAsync();
    }

    private sealed class RunningHub(Microsoft.AspNetCore.Builder.WebApplication app, WiseSimulatorHost wise) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
            await wise.DisposeAsync();
        }
    }

    public static void Cleanup(Measurement ingest)
    {
        // LSB_BENCH_KEEP=1 leaves the hub's database for inspection (its folder is printed).
        if (Environment.GetEnvironmentVariable("LSB_BENCH_KEEP") is { Length: > 0 })
        {
            Console.WriteLine($"kept: {Path.GetDirectoryName(ingest.DatabasePath)}");
            return;
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var directory = Path.GetDirectoryName(ingest.DatabasePath);
        if (directory is not null && Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
    }

    private static int SeedSize(string variable, int standard)
        => Environment.GetEnvironmentVariable(variable) is { Length: > 0 } text
            ? int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var size) && size > 0
                ? size
                : throw new ArgumentException($"{variable} must be a positive whole number of records per library organisation; got '{text}'.")
            : standard;
}
