namespace Lsb.Hub.Installations;

/// <summary>A library as the API shows it.</summary>
public sealed record LibraryView(string Isil, string VendorLibraryId, string? Name, string InstallationId, string Vendor)
{
    /// <summary>Every ISIL the library had before its current one (mergers), in ordinal order; empty when none.</summary>
    public IReadOnlyList<string> FormerIsils { get; init; } = [];
}
