using System.Text.Json.Serialization;

namespace Lsb.Hub.Adapters.Wise.Dto;

/// <summary>The body of check-out, check-in and renew.</summary>
internal sealed record WiseCirculationRequest
{
    [JsonPropertyName("patronSystemId")] public string? PatronSystemId { get; init; }
    [JsonPropertyName("pasnummer")] public string? CardNumber { get; init; }
    [JsonPropertyName("exemplaarId")] public string? ItemId { get; init; }
    [JsonPropertyName("exemplaarnummer")] public string? Barcode { get; init; }
    [JsonPropertyName("vestiging")] public string? BranchId { get; init; }
    [JsonPropertyName("inleverdatum")] public DateOnly? DueDate { get; init; }
}
