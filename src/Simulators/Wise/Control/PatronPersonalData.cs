namespace Lsb.Hub.Simulators.Wise;

/// <summary>
/// Everything that identifies a simulated patron directly, as the Wise system holds it: what tests search for in data
/// that leaves the hub (the DWH feed) and in stores after an erasure.
/// </summary>
/// <param name="PatronSystemId">The Wise patron id.</param>
/// <param name="CardNumber">Card number (pasnummer).</param>
/// <param name="GivenName">Given name.</param>
/// <param name="NamePrefix">Family-name prefix (tussenvoegsel), if any.</param>
/// <param name="FamilyName">Family name.</param>
/// <param name="BirthDate">Date of birth.</param>
/// <param name="Street">Street.</param>
/// <param name="HouseNumber">House number.</param>
/// <param name="Postcode">Full postcode, e.g. <c>1234 AB</c>.</param>
/// <param name="City">City (plaats).</param>
/// <param name="Email">E-mail, if any.</param>
/// <param name="Phone">Phone number, if any.</param>
public sealed record PatronPersonalData(string PatronSystemId, string CardNumber, string GivenName, string? NamePrefix, string FamilyName,
    DateOnly BirthDate, string? Street, string? HouseNumber, string? Postcode, string? City, string? Email, string? Phone);
