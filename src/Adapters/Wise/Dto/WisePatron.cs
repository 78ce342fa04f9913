using System.Text.Json.Serialization;

namespace Lsb.Hub.Adapters.Wise.Dto;

/// <summary>Wise patron information (vendor field names; NEVER leaves the adapter).</summary>
internal sealed record WisePatron
{
    [JsonPropertyName("patronSystemId")] public required string PatronSystemId { get; init; }
    [JsonPropertyName("libraryId")] public string? LibraryId { get; init; }
    [JsonPropertyName("pasnummer")] public required string CardNumber { get; init; }
    [JsonPropertyName("voornaam")] public string? GivenName { get; init; }
    [JsonPropertyName("tussenvoegsel")] public string? NamePrefix { get; init; }
    [JsonPropertyName("achternaam")] public string? FamilyName { get; init; }
    [JsonPropertyName("geboortedatum")] public DateOnly? BirthDate { get; init; }
    [JsonPropertyName("straat")] public string? Street { get; init; }
    [JsonPropertyName("huisnummer")] public string? HouseNumber { get; init; }
    [JsonPropertyName("huisnummertoevoeging")] public string? HouseNumberSuffix { get; init; }
    [JsonPropertyName("postcode")] public string? Postcode { get; init; }
    [JsonPropertyName("plaats")] public string? City { get; init; }
    [JsonPropertyName("email")] public string? Email { get; init; }
    [JsonPropertyName("categorie")] public string? Category { get; init; }
    [JsonPropertyName("status")] public string? Status { get; init; }
    [JsonPropertyName("vestiging")] public string? BranchId { get; init; }
    [JsonPropertyName("inschrijfdatum")] public DateOnly? RegisteredOn { get; init; }
    [JsonPropertyName("einddatumLidmaatschap")] public DateOnly? ExpiresOn { get; init; }
    [JsonPropertyName("boetesaldo")] public decimal Fines { get; init; }
    [JsonPropertyName("laatstGewijzigd")] public DateTimeOffset? LastModified { get; init; }
}
