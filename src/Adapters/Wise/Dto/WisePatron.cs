using System.Text.Json.Serialization;

namespace Lsb.Hub.Adapters.Wise.Dto;

/// <summary>Wise patron information (vendor field names; NEVER leaves the adapter).</summary>
internal sealed record WisePatron
{
    [JsonPropertyName("patronSystemId"), JsonRequired] public string PatronSystemId { get; set; } = null!;
    [JsonPropertyName("libraryId")] public string? LibraryId { get; set; }
    [JsonPropertyName("pasnummer"), JsonRequired] public string CardNumber { get; set; } = null!;
    [JsonPropertyName("voornaam")] public string? GivenName { get; set; }
    [JsonPropertyName("tussenvoegsel")] public string? NamePrefix { get; set; }
    [JsonPropertyName("achternaam")] public string? FamilyName { get; set; }
    [JsonPropertyName("geboortedatum")] public DateOnly? BirthDate { get; set; }
    [JsonPropertyName("straat")] public string? Street { get; set; }
    [JsonPropertyName("huisnummer")] public string? HouseNumber { get; set; }
    [JsonPropertyName("huisnummertoevoeging")] public string? HouseNumberSuffix { get; set; }
    [JsonPropertyName("postcode")] public string? Postcode { get; set; }
    [JsonPropertyName("plaats")] public string? City { get; set; }
    [JsonPropertyName("email")] public string? Email { get; set; }
    [JsonPropertyName("categorie")] public string? Category { get; set; }
    [JsonPropertyName("status")] public string? Status { get; set; }
    [JsonPropertyName("vestiging")] public string? BranchId { get; set; }
    [JsonPropertyName("inschrijfdatum")] public DateOnly? RegisteredOn { get; set; }
    [JsonPropertyName("einddatumLidmaatschap")] public DateOnly? ExpiresOn { get; set; }
    [JsonPropertyName("boetesaldo")] public decimal Fines { get; set; }
    [JsonPropertyName("laatstGewijzigd")] public DateTimeOffset? LastModified { get; set; }
}
