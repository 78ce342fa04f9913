using System.Text.Json.Serialization;

namespace Lsb.Hub.Simulators.Wise.Dialect;

/// <summary>A copy (exemplaar) as the item endpoints and the item mutation feed return it.</summary>
internal sealed record WiseItemDto
{
    [JsonPropertyName("exemplaarId")] public required string ItemId { get; init; }
    [JsonPropertyName("exemplaarnummer")] public required string Barcode { get; init; }
    [JsonPropertyName("titelnummer")] public required string TitleNumber { get; init; }
    [JsonPropertyName("titel")] public required string Title { get; init; }
    [JsonPropertyName("auteur")] public string? Author { get; init; }
    [JsonPropertyName("isbn")] public string? Isbn { get; init; }
    [JsonPropertyName("ppn")] public string? Ppn { get; init; }
    [JsonPropertyName("materiaalsoort")] public required string MaterialType { get; init; }
    [JsonPropertyName("vestiging")] public required string BranchId { get; init; }
    [JsonPropertyName("plaatsing")] public string? Location { get; init; }
    [JsonPropertyName("signatuur")] public string? Shelfmark { get; init; }
    [JsonPropertyName("status")] public required string Status { get; init; }
    [JsonPropertyName("iblUitleenbaar")] public bool LendableForIbl { get; init; }
    [JsonPropertyName("tijdelijk")] public bool Temporary { get; init; }
    [JsonPropertyName("eigenaar")] public string? OwnerIsil { get; init; }
    [JsonPropertyName("laatstGewijzigd")] public required DateTimeOffset LastModified { get; init; }
}
