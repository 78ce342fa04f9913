namespace Lsb.Hub.Ibl;

/// <summary>Interlibrary-loan settings of one library (<c>Ibl:Libraries:{isil}</c>).</summary>
public sealed class IblLibraryOptions
{
    /// <summary>The settings of a library that has none.</summary>
    public static IblLibraryOptions Default { get; } = new();

    /// <summary>True: the library does not lend through national IBL (it can still borrow). Its copies never enter a rota.</summary>
    public bool LendingOptOut { get; set; }

    /// <summary>The library's region for the rota's "same region" rule; default: the POI that runs its installation.</summary>
    public string? Region { get; set; }

    /// <summary>Locations (as the holdings show them) whose copies are lent first, in this order.</summary>
    public List<string> PreferredLocations { get; set; } = [];

    /// <summary>Locations whose copies are never lent through IBL (e.g. a reference collection).</summary>
    public List<string> ExcludedLocations { get; set; } = [];

    /// <summary>This lender's own institutional-patron card pattern; see <see cref="IblOptions.InstitutionalPatronPattern"/>.</summary>
    public string? InstitutionalPatronPattern { get; set; }
}
