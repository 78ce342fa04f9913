namespace Lsb.Hub.Adapters.VSmart.Commands;

/// <summary>Where a command is carried out: the V-smart library (NCIP agency) and, when the ISIL is a branch's, the branch.</summary>
internal sealed record VSmartTarget(string LibraryId, string? BranchCode);
