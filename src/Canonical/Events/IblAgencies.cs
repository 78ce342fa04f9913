using Lsb.Hub.Canonical.Identity;

namespace Lsb.Hub.Canonical.Events;

/// <summary>Agency ids in interlibrary loan: ISILs, or the symbols external ILL systems use for themselves.</summary>
public static class IblAgencies
{
    /// <summary>The agency as a Dutch ISIL in canonical form, or null when it is not one.</summary>
    public static string? DutchIsil(string? agency)
        => agency is not null && Isil.TryParse(agency, out var isil, out _) && isil.IsDutch ? isil.Value : null;
}
