namespace Lsb.Hub.Installations;

/// <summary>A library as the API shows it.</summary>
public sealed record LibraryView(string Isil, string VendorLibraryId, string? Name, string InstallationId, string Vendor);
