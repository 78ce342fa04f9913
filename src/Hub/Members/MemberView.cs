namespace Lsb.Hub.Members;

/// <summary>A member as the API shows it to the member's own library, its POI and administrators.</summary>
public sealed record MemberView(
    string Id,
    string HomeIsil,
    string? CardNumber,
    string? GivenName,
    string? FamilyName,
    string? BirthDate,
    AddressView? Address,
    string? Email,
    string Category,
    string Status,
    string? ExpiresOn,
    string? RegisteredOn,
    bool Removed,
    DateTimeOffset UpdatedAt);
