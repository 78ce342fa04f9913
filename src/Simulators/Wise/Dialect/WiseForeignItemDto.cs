using System.Text.Json.Serialization;

namespace Lsb.Hub.Simulators.Wise.Dialect;

/// <summary>A barcode the desk scanned at check-in that the system does not know: a copy of another library system,
/// noted so it can be forwarded (the loan feed's <c>vreemdExemplaar</c>).</summary>
internal sealed record WiseForeignItemDto(
    [property: JsonPropertyName("innameId")] string TakeInId,
    [property: JsonPropertyName("exemplaarnummer")] string Barcode,
    [property: JsonPropertyName("vestiging")] string BranchId,
    [property: JsonPropertyName("ingenomenOp")] DateTimeOffset TakenInAt);
