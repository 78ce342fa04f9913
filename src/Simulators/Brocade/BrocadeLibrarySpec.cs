namespace Lsb.Hub.Simulators.Brocade;

/// <summary>A library (instelling) of a Brocade installation: its code is the SIP2 institution id (AO).</summary>
/// <param name="LibraryCode">The Brocade library code, e.g. <c>DRB</c>.</param>
/// <param name="Name">Display name.</param>
/// <param name="Isil">The library's ISIL (its head office).</param>
/// <param name="Branches">Its branches; the first is the head office.</param>
public sealed record BrocadeLibrarySpec(string LibraryCode, string Name, string Isil, IReadOnlyList<BrocadeBranchSpec> Branches);
