namespace Lsb.Hub.Adapters.Wise.Commands;

/// <summary>Where a command is carried out: the Wise library organisation and, when the ISIL is a branch's, the branch.</summary>
internal sealed record WiseTarget(string LibraryId, string? BranchId);
