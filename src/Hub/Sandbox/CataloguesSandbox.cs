using Lsb.Hub.Simulators.Catalogues.Ggc;
using Lsb.Hub.Simulators.Catalogues.WorldCat;

namespace Lsb.Hub.Sandbox;

/// <summary>
/// The sandbox's national catalogues: the GGC and WorldCat simulators in-process, and holdings synchronisation pointed
/// at them. Every library goes to GGC, cut every minute (not daily) so the sandbox shows copies flowing; WorldCat is
/// connected but chosen by no library (set <c>HoldingsSync__Libraries__{isil}__Target=WorldCat</c> to try it).
/// </summary>
public sealed class CataloguesSandbox : IAsyncDisposable
{
    private CataloguesSandbox(GgcSimulatorHost ggc, WorldCatSimulatorHost worldCat)
    {
        Ggc = ggc;
        WorldCat = worldCat;
    }

    /// <summary>The GGC simulator.</summary>
    public GgcSimulatorHost Ggc { get; }

    /// <summary>The WorldCat simulator.</summary>
    public WorldCatSimulatorHost WorldCat { get; }

    /// <summary>Starts both simulators on free loopback ports.</summary>
    public static async Task<CataloguesSandbox> StartAsync()
    {
        var ggc = await GgcSimulator.StartAsync();
        try
        {
            return new CataloguesSandbox(ggc, await WorldCatSimulator.StartAsync());
        }
        catch
        {
            await ggc.DisposeAsync();
            throw;
        }
    }

    /// <summary>Configuration for the hub.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Configuration()
    {
        yield return new("HoldingsSync:DefaultTarget", "Ggc");
        yield return new("HoldingsSync:Schedule:Interval", "00:01:00");
        yield return new("HoldingsSync:Schedule:SweepInterval", "00:01:00");
        yield return new("HoldingsSync:Ggc:BaseUrl", Ggc.BaseAddress.ToString());
        yield return new("HoldingsSync:Ggc:UserName", Ggc.Options.UserName);
        yield return new("HoldingsSync:Ggc:Password", Ggc.Options.Password);
        yield return new("HoldingsSync:WorldCat:BaseUrl", WorldCat.BaseAddress.ToString());
        yield return new("HoldingsSync:WorldCat:TokenUrl", new Uri(WorldCat.BaseAddress, "token").ToString());
        yield return new("HoldingsSync:WorldCat:ClientKey", WorldCat.Options.ClientKey);
        yield return new("HoldingsSync:WorldCat:ClientSecret", WorldCat.Options.ClientSecret);
        yield return new("HoldingsSync:WorldCat:DefaultSymbol", "LSBNL");
    }

    /// <summary>The banner lines: where the simulators are and what to try.</summary>
    public string Describe(string hubUrl, string adminKey, string isil) => $"""
         GGC simulator  {Ggc.BaseAddress}ggc/  (import monitor: curl -s -u {Ggc.Options.UserName}:{Ggc.Options.Password} {Ggc.BaseAddress}ggc/monitor)
         WorldCat sim   {WorldCat.BaseAddress}worldcat/  (no library synchronised with it unless configured)
         Holdings sync  a batch per library every minute to GGC:
           curl -s -H 'X-Api-Key: {adminKey}' {hubUrl}/api/v1/holdings-sync/libraries/{isil}
           curl -s -X POST -H 'X-Api-Key: {adminKey}' {hubUrl}/api/v1/holdings-sync/libraries/{isil}/reconcile
        """;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Ggc.DisposeAsync();
        await WorldCat.DisposeAsync();
    }
}
