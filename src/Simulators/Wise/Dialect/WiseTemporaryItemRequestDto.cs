using System.Text.Json.Serialization;

namespace Lsb.Hub.Simulators.Wise.Dialect;

/// <summary>The body of the create-temporary-item call (for an incoming interlibrary loan).</summary>
internal sealed record WiseTemporaryItemRequestDto
{
    [JsonPropertyName("exemplaarnummer")] public required string Barcode { get; init; }
    [JsonPropertyName("titel")] public required string Title { get; init; }
    [JsonPropertyName("auteur")] public string? Author { get; init; }
    [JsonPropertyName("eigenaar")] public required string OwnerIsil { get; init; }
    [JsonPropertyName("vestiging")] public string? BranchId { get; init; }
    [JsonPropertyName("externalReference")] public string? ExternalReference { get; init; }
}
