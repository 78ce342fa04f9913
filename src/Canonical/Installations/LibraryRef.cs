using Lsb.Hub.Canonical.Identity;

namespace Lsb.Hub.Canonical.Installations;

/// <summary>A library served by an installation: its ISIL and the id the vendor's system knows it by.</summary>
/// <param name="Isil">The library's current ISIL.</param>
/// <param name="VendorLibraryId">The library's id inside the installation (Wise: the library organisation id).</param>
/// <param name="Name">A display name.</param>
public sealed record LibraryRef(Isil Isil, string VendorLibraryId, string? Name = null);
