using Lsb.Hub.Canonical.Identity;

namespace Lsb.Hub.Adapters.Contract;

/// <summary>A member a fixture registered in its library system, in neutral terms.</summary>
/// <param name="LocalId">The member's id in the library system (what snapshots carry as LocalId).</param>
/// <param name="CardNumber">Card number.</param>
/// <param name="Pin">PIN, for authentication tests.</param>
/// <param name="Isil">The library the member belongs to (where commands for them are sent).</param>
public sealed record ContractMember(string LocalId, string CardNumber, string Pin, Isil Isil);
