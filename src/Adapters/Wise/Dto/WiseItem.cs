using System.Text.Json.Serialization;

namespace Lsb.Hub.Adapters.Wise.Dto;

/// <summary>A Wise copy (exemplaar).</summary>
internal sealed record WiseItem
{
    [JsonPropertyName("exemplaarId")] public required string ItemId { get; init; }
    [JsonPropertyName("exemplaarnummer")] public string? Barcode { get; init; }
    [JsonPropertyName("titelnummer")] public string? TitleNumber { get; init; }
    [JsonPropertyName("titel")] public string? Title { get; init; }
    [JsonPropertyName("auteur")] public string? Author { get; init; }
    [JsonPropertyName("isbn")] public string? Isbn { get; init; }
    [JsonPropertyName("ppn")] public string? Ppn { get; init; }
    [JsonPropertyName("materiaalsoort")] public string? MaterialType { get; init; }
    [JsonPropertyName("vestiging")] public string? BranchId { get; init; }
    [JsonPropertyName("plaatsing")] public string? Location { get; init; }
    [JsonPropertyName("signatuur")] public string? Shelfmark { get; init; }
    [JsonPropertyName("status")] public string? Status { get; init; }
    [JsonPropertyName("iblUitleenbaar")] public bool LendableForIbl { get; init; }
    [JsonPropertyName("tijdelijk")] public bool Temporary { get; init; }
}
