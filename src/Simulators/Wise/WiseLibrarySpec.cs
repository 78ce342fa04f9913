namespace Lsb.Hub.Simulators.Wise;

/// <summary>A simulated library organisation of a Wise system.</summary>
/// <param name="LibraryId">The Wise library id (the <c>VendorLibraryId</c> the hub registers).</param>
/// <param name="Name">Display name.</param>
/// <param name="Isil">The library's ISIL (its head office), for registering it with the hub.</param>
/// <param name="Branches">Its branches; the first is the main branch.</param>
public sealed record WiseLibrarySpec(string LibraryId, string Name, string Isil, IReadOnlyList<WiseBranchSpec> Branches);
