using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Canonical.Members;

namespace Lsb.Hub.Adapters.Changes;

/// <summary>The current state of a member at the source.</summary>
public sealed record MemberSnapshot : CanonicalChange
{
    /// <summary>Home library.</summary>
    public required Isil HomeIsil { get; init; }
    /// <summary>Card number.</summary>
    public required string CardNumber { get; init; }
    /// <summary>National user id, if the source has one.</summary>
    public string? NationalUserId { get; init; }
    /// <summary>Given name.</summary>
    public string? GivenName { get; init; }
    /// <summary>Family name.</summary>
    public string? FamilyName { get; init; }
    /// <summary>Date of birth.</summary>
    public DateOnly? BirthDate { get; init; }
    /// <summary>Address.</summary>
    public PostalAddress? Address { get; init; }
    /// <summary>E-mail.</summary>
    public string? Email { get; init; }
    /// <summary>Canonical category.</summary>
    public required MemberCategory Category { get; init; }
    /// <summary>Status.</summary>
    public required MemberStatus Status { get; init; }
    /// <summary>End of membership.</summary>
    public DateOnly? ExpiresOn { get; init; }
    /// <summary>Start of membership.</summary>
    public DateOnly? RegisteredOn { get; init; }
    /// <summary>Consent for the integral customer view recorded in the ILS, if the vendor has such a field.</summary>
    public bool? ConsentIntegralView { get; init; }
}
