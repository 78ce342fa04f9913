namespace Lsb.Hub.Installations;

/// <summary>A library as the registry holds it.</summary>
/// <param name="Isil">Its current ISIL.</param>
/// <param name="InstallationId">The installation it is bound to.</param>
/// <param name="VendorLibraryId">Its id in that installation.</param>
/// <param name="Name">Display name.</param>
/// <param name="OriginalIsil">Its original ISIL when that differs (after a merger), else null.</param>
public sealed record RegisteredLibrary(string Isil, string InstallationId, string VendorLibraryId, string? Name, string? OriginalIsil);
