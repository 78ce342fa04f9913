namespace Lsb.Hub.CustomerView.Persons;

/// <summary>What the matching rules may look at of a membership: identifiers and birth date, NEVER a name.</summary>
/// <param name="MemberId">The canonical member id.</param>
/// <param name="CardNumber">The card number.</param>
/// <param name="NationalUserId">The national user id, if the source has one.</param>
/// <param name="BirthDate">The birth date (ISO), used only to veto a card-number match.</param>
public sealed record LinkCandidate(string MemberId, string? CardNumber, string? NationalUserId, string? BirthDate);
