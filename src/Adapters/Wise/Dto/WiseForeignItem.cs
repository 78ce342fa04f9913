using System.Text.Json.Serialization;

namespace Lsb.Hub.Adapters.Wise.Dto;

/// <summary>A barcode the desk scanned at check-in that Wise does not know (<c>vreemdExemplaar</c> of an INNAME_VREEMD mutation).</summary>
internal sealed record WiseForeignItem
{
    [JsonPropertyName("innameId"), JsonRequired] public string TakeInId { get; set; } = null!;
    [JsonPropertyName("exemplaarnummer"), JsonRequired] public string Barcode { get; set; } = null!;
    [JsonPropertyName("vestiging")] public string? BranchId { get; set; }
    [JsonPropertyName("ingenomenOp")] public DateTimeOffset? TakenInAt { get; set; }
}
