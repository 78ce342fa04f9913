namespace Lsb.Hub.Simulators.Wise;

/// <summary>A branch (vestiging) of a simulated library organisation.</summary>
/// <param name="BranchId">The Wise branch id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Isil">The branch's ISIL, as <c>mappings/wise/branches.csv</c> maps it (Wise itself does not serve it).</param>
public sealed record WiseBranchSpec(string BranchId, string Name, string Isil);
