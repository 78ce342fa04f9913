using System.Diagnostics;
using Lsb.Hub.Adapters;
using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Canonical.Installations;
using Lsb.Hub.Simulators.VSmart;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Lsb.Hub.Bench.Harvest;

/// <summary>
/// The adapter alone: a full harvest of the simulator's sets through <c>ReadChangesAsync</c> (HTTP, OAI-PMH parsing,
/// the MARC reader) and <c>Translate</c> of every holding, without the hub. Shows what the harvest itself costs.
/// </summary>
public static class AdapterHarvest
{
    public static async Task<Measurement> RunAsync(int records, int maxCopies)
    {
        await using var simulator = await VSmartSimulator.StartAsync(new VSmartSimulatorOptions { BorrowersPerLibrary = 10, CopiesPerLibrary = 10, LoansPerLibrary = 2 });
        var access = simulator.Installation(VSmartDefaultTopology.InstallationName);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton<IInstallationCredentials>(new Credentials(access.Name, access.Username, access.Password));
        services.AddVSmartAdapter();
        await using var provider = services.BuildServiceProvider();
        var adapter = provider.GetServices<IIlsAdapterFactory>().Single(f => f.Vendor == Vendor.VSmart).Create(new InstallationDescriptor(
            InstallationId.Parse(access.Name), Vendor.VSmart, access.Endpoint, access.Name,
            [.. access.Libraries.Select(l => new LibraryRef(Isil.Parse(l.Isil), l.LibraryId, l.Name))]));
        // Warm-up on the seed (JIT, connection pool), as the hub benchmark does; the clock then runs over the new records.
        var (_, cursor) = await HarvestAsync(adapter, null);
        var generated = simulator.Control.GenerateRecords(access.Name, records, null, maxCopies);
        var clock = Stopwatch.StartNew();
        var cpu = Measurement.CpuClock();
        var (holdings, _) = await HarvestAsync(adapter, cursor);
        var elapsed = clock.Elapsed;
        if (holdings != generated.Copies) throw new InvalidOperationException($"The harvest gave {holdings} holdings; the simulator catalogued {generated.Copies} copies.");
        return new Measurement(generated.Records, holdings, elapsed, cpu());
    }

    private static async Task<(long Holdings, string? Cursor)> HarvestAsync(IIlsAdapter adapter, string? cursor)
    {
        long holdings = 0;
        while (true)
        {
            var page = await adapter.ReadChangesAsync(cursor, 1000, CancellationToken.None);
            foreach (var change in page.Changes)
                if (change.Feed == "holding" && adapter.Translate(change) is HoldingSnapshot) holdings++;
            cursor = page.NextCursor;
            if (!page.HasMore) return (holdings, cursor);
        }
    }

    private sealed class Credentials(string reference, string username, string password) : IInstallationCredentials
    {
        public IReadOnlyDictionary<string, string>? Find(string credentialsRef)
            => credentialsRef == reference ? new Dictionary<string, string> { ["Username"] = username, ["Password"] = password } : null;
    }
}
