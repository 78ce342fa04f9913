using System.Diagnostics;
using Dapper;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Canonical.Installations;
using Lsb.Hub.Ingest;
using Lsb.Hub.Installations;
using Lsb.Hub.Simulators.VSmart;
using Lsb.Hub.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Lsb.Hub.Bench.Harvest;

/// <summary>
/// End to end on the embedded default: a hub (SQLite in a temporary folder) registers the simulator's installation and
/// harvests its small seed as a warm-up (JIT, Wolverine's handler code); then the simulator catalogues N records and the
/// clock runs until every copy is a canonical holding and nothing is in flight.
/// </summary>
public static class HubHarvest
{
    public static async Task<Measurement> RunAsync(int records, int maxCopies, int pageSize)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "lsb-bench-harvest-" + Guid.NewGuid().ToString("N")[..8]);
        await using var simulator = await VSmartSimulator.StartAsync(new VSmartSimulatorOptions { BorrowersPerLibrary = 10, CopiesPerLibrary = 20, LoansPerLibrary = 2 });
        var access = simulator.Installation(VSmartDefaultTopology.InstallationName);
        var app = HubApplication.Build(["--urls", "http://127.0.0.1:0"], builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = dataDirectory,
            ["Ingest:PageSize"] = pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Ingest:PollInterval"] = "00:00:00.100",
            ["Ingest:MaxPagesInFlight"] = "8",
            ["Serilog:MinimumLevel:Default"] = Environment.GetEnvironmentVariable("LSB_BENCH_LOG") ?? "Warning",
            ["Auth:ApiKeys:0:Key"] = "bench-admin-key-0000000001",
            ["Auth:ApiKeys:0:Scopes:0"] = "admin",
            [$"Credentials:{access.Name}:Username"] = access.Username,
            [$"Credentials:{access.Name}:Password"] = access.Password,
        }));
        await app.StartAsync();
        try
        {
            var database = app.Services.GetRequiredService<HubDatabase>();
            var backpressure = app.Services.GetRequiredService<IngestBackpressure>();
            await app.Services.GetRequiredService<InstallationStore>().RegisterAsync(new InstallationDescriptor(InstallationId.Parse(access.Name), Vendor.VSmart,
                access.Endpoint, access.Name, [.. access.Libraries.Select(l => new LibraryRef(Isil.Parse(l.Isil), l.LibraryId, l.Name))]), "bench", null, "bench", CancellationToken.None);
            await WaitUntilHeldAsync(database, backpressure, access.Name, simulator.Control.CollectionCopies(access.Name).Count);
            var before = await HoldingsAsync(database, access.Name);
            Console.WriteLine($"warm-up: seed harvested ({before:N0} holdings)");

            var generation = Stopwatch.StartNew();
            var generated = simulator.Control.GenerateRecords(access.Name, records, null, maxCopies);
            Console.WriteLine($"simulator: {generated.Records:N0} records with {generated.Copies:N0} copies catalogued in {generation.Elapsed.TotalSeconds:F1} s");
            var expected = simulator.Control.CollectionCopies(access.Name).Count;
            var clock = Stopwatch.StartNew();
            var cpu = Measurement.CpuClock();
            var elapsed = await WaitUntilHeldAsync(database, backpressure, access.Name, expected, clock);
            var spent = cpu();
            var held = await HoldingsAsync(database, access.Name) - before;
            return new Measurement(generated.Records, held, elapsed, spent);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    /// <summary>Waits until the hub holds <paramref name="expected"/> copies and no page is in flight; returns when that happened.</summary>
    private static async Task<TimeSpan> WaitUntilHeldAsync(HubDatabase database, IngestBackpressure backpressure, string installation, long expected, Stopwatch? clock = null)
    {
        clock ??= Stopwatch.StartNew();
        var deadline = TimeSpan.FromMinutes(30);
        while (clock.Elapsed < deadline)
        {
            if (await HoldingsAsync(database, installation) >= expected && backpressure.InFlight(installation) == 0) return clock.Elapsed;
            await Task.Delay(20);
        }
        throw new TimeoutException($"The hub did not hold {expected} copies within {deadline}.");
    }

    private static async Task<long> HoldingsAsync(HubDatabase database, string installation)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM holdings WHERE installation_id = @installation", new { installation });
    }
}
