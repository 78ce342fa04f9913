using Lsb.Hub.Simulators.Catalogues.Ggc;
using Lsb.Hub.Simulators.Catalogues.WorldCat;

namespace Lsb.Hub.Tests.HoldingsSync.Support;

/// <summary>The GGC and WorldCat simulators, and the hub settings that point holdings sync at them.</summary>
public sealed class CatalogueSims : IAsyncDisposable
{
    public const string WorldCatSymbol = "LSBNL";

    private CatalogueSims(GgcSimulatorHost ggc, WorldCatSimulatorHost worldCat)
    {
        Ggc = ggc;
        WorldCat = worldCat;
    }

    public GgcSimulatorHost Ggc { get; }
    public WorldCatSimulatorHost WorldCat { get; }

    public static async Task<CatalogueSims> StartAsync(WorldCatSimulatorOptions? worldCat = null)
    {
        var ggc = await GgcSimulator.StartAsync();
        try
        {
            return new CatalogueSims(ggc, await WorldCatSimulator.StartAsync(worldCat));
        }
        catch
        {
            await ggc.DisposeAsync();
            throw;
        }
    }

    /// <summary>Settings: GGC for every library (default), WorldCat for the libraries given; small files so batches have parts.</summary>
    public Dictionary<string, string?> Settings(int recordsPerFile, params string[] worldCatLibraries)
    {
        var settings = new Dictionary<string, string?>
        {
            ["HoldingsSync:DefaultTarget"] = "Ggc",
            ["HoldingsSync:Ggc:BaseUrl"] = Ggc.BaseAddress.ToString(),
            ["HoldingsSync:Ggc:UserName"] = Ggc.Options.UserName,
            ["HoldingsSync:Ggc:Password"] = Ggc.Options.Password,
            ["HoldingsSync:Ggc:RecordsPerFile"] = recordsPerFile.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["HoldingsSync:WorldCat:BaseUrl"] = WorldCat.BaseAddress.ToString(),
            ["HoldingsSync:WorldCat:TokenUrl"] = new Uri(WorldCat.BaseAddress, "token").ToString(),
            ["HoldingsSync:WorldCat:ClientKey"] = WorldCat.Options.ClientKey,
            ["HoldingsSync:WorldCat:ClientSecret"] = WorldCat.Options.ClientSecret,
            ["HoldingsSync:WorldCat:DefaultSymbol"] = WorldCatSymbol,
            ["HoldingsSync:Schedule:SweepInterval"] = "00:10:00",
            ["HoldingsSync:Schedule:StaleAfter"] = "00:15:00",
            ["HoldingsSync:EscalationTimeout"] = "00:15:00",
        };
        foreach (var isil in worldCatLibraries) settings[$"HoldingsSync:Libraries:{isil}:Target"] = "WorldCat";
        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        await Ggc.DisposeAsync();
        await WorldCat.DisposeAsync();
    }
}
