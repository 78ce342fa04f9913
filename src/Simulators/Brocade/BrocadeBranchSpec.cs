namespace Lsb.Hub.Simulators.Brocade;

/// <summary>A branch (vestiging) of a Brocade library.</summary>
/// <param name="BranchCode">The Brocade branch code, e.g. <c>DRB01</c>.</param>
/// <param name="Name">Display name.</param>
/// <param name="Isil">The branch's ISIL (what <c>mappings/brocade/branches.csv</c> maps it to).</param>
public sealed record BrocadeBranchSpec(string BranchCode, string Name, string Isil);
