namespace Lsb.Hub.Simulators.VSmart;

/// <summary>A branch (vestiging) of a V-smart library.</summary>
/// <param name="BranchCode">V-smart's branch code, e.g. <c>DRD01</c> (852 $b, the borrower's home branch).</param>
/// <param name="Name">Display name.</param>
/// <param name="Isil">The branch's ISIL (what <c>mappings/vsmart/branches.csv</c> maps the code to).</param>
public sealed record VSmartBranchSpec(string BranchCode, string Name, string Isil);
