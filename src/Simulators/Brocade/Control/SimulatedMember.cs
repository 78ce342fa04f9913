namespace Lsb.Hub.Simulators.Brocade.Control;

/// <summary>A member as the control API shows it (with PIN, for tests and trying the sandbox by hand).</summary>
/// <param name="MemberNumber">Lenersnummer: the stable id (what the hub calls the member's local id).</param>
/// <param name="CardNumber">Pasnummer: what SIP2 calls the patron identifier (AA).</param>
/// <param name="Pin">The patron password (AD).</param>
/// <param name="LibraryCode">Library.</param>
/// <param name="BranchCode">Home branch.</param>
/// <param name="Name">Full name.</param>
/// <param name="Category">Category code.</param>
/// <param name="Status">Status code.</param>
public sealed record SimulatedMember(string MemberNumber, string CardNumber, string Pin, string LibraryCode, string BranchCode, string Name, string Category, string Status);
