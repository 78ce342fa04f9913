using System.Text.Json.Serialization;

namespace Lsb.Hub.Simulators.Wise.Dialect;

/// <summary>A patron as <c>patroninformation</c> returns it (Dutch field names; the PIN is NEVER returned).</summary>
internal sealed record WisePatronDto
{
    [JsonPropertyName("patronSystemId")] public required string PatronSystemId { get; init; }
    [JsonPropertyName("libraryId")] public required string LibraryId { get; init; }
    [JsonPropertyName("pasnummer")] public required string CardNumber { get; init; }
    [JsonPropertyName("voornaam")] public string? GivenName { get; init; }
    [JsonPropertyName("voorletters")] public string? Initials { get; init; }
    [JsonPropertyName("tussenvoegsel")] public string? NamePrefix { get; init; }
    [JsonPropertyName("achternaam")] public required string FamilyName { get; init; }
    [JsonPropertyName("geboortedatum")] public DateOnly? BirthDate { get; init; }
    [JsonPropertyName("geslacht")] public string? Gender { get; init; }
    [JsonPropertyName("straat")] public string? Street { get; init; }
    [JsonPropertyName("huisnummer")] public string? HouseNumber { get; init; }
    [JsonPropertyName("huisnummertoevoeging")] public string? HouseNumberSuffix { get; init; }
    [JsonPropertyName("postcode")] public string? Postcode { get; init; }
    [JsonPropertyName("plaats")] public string? City { get; init; }
    [JsonPropertyName("email")] public string? Email { get; init; }
    [JsonPropertyName("telefoon")] public string? Phone { get; init; }
    [JsonPropertyName("categorie")] public required string Category { get; init; }
    [JsonPropertyName("status")] public required string Status { get; init; }
    [JsonPropertyName("vestiging")] public required string BranchId { get; init; }
    [JsonPropertyName("inschrijfdatum")] public DateOnly? RegisteredOn { get; init; }
    [JsonPropertyName("einddatumLidmaatschap")] public DateOnly? ExpiresOn { get; init; }
    [JsonPropertyName("boetesaldo")] public decimal Fines { get; init; }
    [JsonPropertyName("laatstGewijzigd")] public required DateTimeOffset LastModified { get; init; }
}
