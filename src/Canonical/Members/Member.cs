using Lsb.Hub.Canonical.Identity;

namespace Lsb.Hub.Canonical.Members;

/// <summary>
/// A person's membership of one library. Personal fields (names, address, birth date, card number, e-mail) are
/// direct identifiers: they stay in the hub's state store and NEVER enter the event log or any feed.
/// </summary>
public sealed record Member
{
    /// <summary>The canonical id.</summary>
    public required MemberId Id { get; init; }
    /// <summary>The member's home library.</summary>
    public required Isil HomeIsil { get; init; }
    /// <summary>The library card number (a direct identifier).</summary>
    public required string CardNumber { get; init; }
    /// <summary>A national user id where the source system has one (a direct identifier).</summary>
    public string? NationalUserId { get; init; }
    /// <summary>Given name.</summary>
    public string? GivenName { get; init; }
    /// <summary>Family name, with any prefix ("de", "van der").</summary>
    public string? FamilyName { get; init; }
    /// <summary>Date of birth.</summary>
    public DateOnly? BirthDate { get; init; }
    /// <summary>Postal address.</summary>
    public PostalAddress? Address { get; init; }
    /// <summary>E-mail address.</summary>
    public string? Email { get; init; }
    /// <summary>Canonical patron category.</summary>
    public required MemberCategory Category { get; init; }
    /// <summary>Whether the member may borrow.</summary>
    public required MemberStatus Status { get; init; }
    /// <summary>Membership end date, if any.</summary>
    public DateOnly? ExpiresOn { get; init; }
    /// <summary>When the member joined the library.</summary>
    public DateOnly? RegisteredOn { get; init; }
}
