using System.Text.Json.Serialization;

namespace Lsb.Hub.Adapters.Wise.Dto;

/// <summary>A Wise copy (exemplaar).</summary>
internal sealed record WiseItem
{
    [JsonPropertyName("exemplaarId"), JsonRequired] public string ItemId { get; set; } = null!;
    [JsonPropertyName("exemplaarnummer")] public string? Barcode { get; set; }
    [JsonPropertyName("titelnummer")] public string? TitleNumber { get; set; }
    [JsonPropertyName("titel")] public string? Title { get; set; }
    [JsonPropertyName("auteur")] public string? Author { get; set; }
    [JsonPropertyName("isbn")] public string? Isbn { get; set; }
    [JsonPropertyName("ppn")] public string? Ppn { get; set; }
    [JsonPropertyName("materiaalsoort")] public string? MaterialType { get; set; }
    [JsonPropertyName("vestiging")] public string? BranchId { get; set; }
    [JsonPropertyName("plaatsing")] public string? Location { get; set; }
    [JsonPropertyName("signatuur")] public string? Shelfmark { get; set; }
    [JsonPropertyName("status")] public string? Status { get; set; }
    [JsonPropertyName("iblUitleenbaar")] public bool LendableForIbl { get; set; }
    [JsonPropertyName("tijdelijk")] public bool Temporary { get; set; }
}
