using System.Diagnostics;
using Lsb.Hub.Adapters;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Canonical.Installations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Lsb.Hub.Bench.SnapshotDiff;

/// <summary>Reads an installation's export folder through the real adapter (AddBrocadeAdapter) from a cursor to the end.</summary>
internal static class DiffRun
{
    /// <summary>Reads to the end of the feed. With <paramref name="translate"/> every change is also translated into its canonical
    /// event, as the hub's ingest does: <c>Events</c> counts those, <c>Failed</c> the changes whose translation threw.</summary>
    public static async Task<DiffOutcome> ReadAsync(string exports, string state, string? cursor, int sortMegabytes, bool translate)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Adapters:Brocade:StateDirectory"] = state,
            ["Adapters:Brocade:SortMemoryMegabytes"] = sortMegabytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddSingleton<IInstallationCredentials, BenchCredentials>().AddBrocadeAdapter();
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetServices<IIlsAdapterFactory>().Single(f => f.Vendor == Vendor.Brocade);
        var endpoint = new Uri($"tcp://127.0.0.1:6001/?exports={Uri.EscapeDataString(exports)}");
        var adapter = factory.Create(new InstallationDescriptor(InstallationId.Parse("bench-brocade"), Vendor.Brocade, endpoint, "bench-brocade",
            [new LibraryRef(Isil.Parse("NL-0853010000"), "DRB")]));
        var clock = Stopwatch.StartNew();
        long changes = 0, events = 0, failed = 0;
        while (true)
        {
            var page = await adapter.ReadChangesAsync(cursor, 5000, CancellationToken.None);
            changes += page.Changes.Count;
            if (translate)
            {
                foreach (var change in page.Changes)
                {
                    try
                    {
                        adapter.Translate(change);
                        events++;
                    }
                    catch (Exception e) when (e is IlsProtocolException or MappingMissingException)
                    {
                        failed++;
                    }
                }
            }
            cursor = page.NextCursor;
            if (!page.HasMore) break;
        }
        return new DiffOutcome(changes, events, failed, clock.Elapsed, cursor!);
    }
}
