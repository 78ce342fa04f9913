using System.Text.Json.Serialization;

namespace Lsb.Hub.Adapters.Wise.Dto;

/// <summary>A barcode the desk scanned at check-in that Wise does not know (<c>vreemdExemplaar</c> of an INNAME_VREEMD mutation).</summary>
internal sealed record WiseForeignItem
{
    [JsonPropertyName("innameId")] public required string TakeInId { get; init; }
    [JsonPropertyName("exemplaarnummer")] public required string Barcode { get; init; }
    [JsonPropertyName("vestiging")] public string? BranchId { get; init; }
    [JsonPropertyName("ingenomenOp")] public DateTimeOffset? TakenInAt { get; init; }
}
