using Lsb.Hub.HoldingsSync.Targets.Ggc;
using Lsb.Hub.HoldingsSync.Targets.WorldCat;
using Microsoft.Extensions.Options;

namespace Lsb.Hub.HoldingsSync.Targets;

/// <summary>Resolves which target a library is synchronised with, from configuration (re-read on change).</summary>
public sealed class HoldingsSyncTargets(IOptionsMonitor<HoldingsSyncOptions> options, GgcTarget ggc, WorldCatTarget worldCat)
{
    /// <summary>The library's current target and whether it can be used.</summary>
    public LibraryTarget Resolve(string isil) => Resolve(isil, null);

    /// <summary>The library as synchronised with <paramref name="kind"/> (used for batches cut before a target change).</summary>
    public LibraryTarget Resolve(string isil, SyncTargetKind? kind)
    {
        ArgumentNullException.ThrowIfNull(isil);
        var o = options.CurrentValue;
        o.Libraries.TryGetValue(isil, out var library);
        var chosen = kind ?? library?.Target ?? o.DefaultTarget;
        return chosen switch
        {
            SyncTargetKind.Ggc => new LibraryTarget(isil, chosen, ggc, library?.Iln, null,
                o.Ggc.BaseUrl is null ? "HoldingsSync:Ggc:BaseUrl is not set: configure the GGC delivery interface to synchronise this library." : null),
            SyncTargetKind.WorldCat => WorldCatLibrary(isil, o, library),
            _ => new LibraryTarget(isil, SyncTargetKind.None, null, null, null,
                $"Library {isil} is not synchronised: set HoldingsSync:Libraries:{isil}:Target to Ggc or WorldCat (or HoldingsSync:DefaultTarget)."),
        };
    }

    /// <summary>The target of a kind.</summary>
    public IHoldingsSyncTarget Get(SyncTargetKind kind) => kind switch
    {
        SyncTargetKind.Ggc => ggc,
        SyncTargetKind.WorldCat => worldCat,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No target for None."),
    };

    private LibraryTarget WorldCatLibrary(string isil, HoldingsSyncOptions o, LibrarySyncOptions? library)
    {
        var symbol = library?.WorldCatSymbol ?? o.WorldCat.DefaultSymbol;
        string? problem = null;
        if (o.WorldCat.BaseUrl is null || o.WorldCat.TokenUrl is null)
            problem = "HoldingsSync:WorldCat:BaseUrl and TokenUrl must be set to synchronise this library with WorldCat.";
        else if (string.IsNullOrEmpty(o.WorldCat.ClientKey) || string.IsNullOrEmpty(o.WorldCat.ClientSecret))
            problem = "HoldingsSync:WorldCat:ClientKey and ClientSecret (the WSKey) must be set to synchronise this library with WorldCat.";
        else if (string.IsNullOrWhiteSpace(symbol))
            problem = $"Library {isil} has no OCLC symbol: set HoldingsSync:Libraries:{isil}:WorldCatSymbol or HoldingsSync:WorldCat:DefaultSymbol.";
        return new LibraryTarget(isil, SyncTargetKind.WorldCat, worldCat, null, symbol, problem);
    }
}
