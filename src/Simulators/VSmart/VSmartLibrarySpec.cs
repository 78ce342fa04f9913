namespace Lsb.Hub.Simulators.VSmart;

/// <summary>A library served by a V-smart installation: its agency code (852 $a, NCIP agency id, OAI set) and branches.</summary>
/// <param name="LibraryId">V-smart's library (agency) code, e.g. <c>DRD</c>.</param>
/// <param name="Name">Display name.</param>
/// <param name="Isil">The library's ISIL.</param>
/// <param name="Branches">Its branches; the first is the main branch.</param>
public sealed record VSmartLibrarySpec(string LibraryId, string Name, string Isil, IReadOnlyList<VSmartBranchSpec> Branches);
