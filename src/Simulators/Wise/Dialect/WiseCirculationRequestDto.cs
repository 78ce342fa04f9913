using System.Text.Json.Serialization;

namespace Lsb.Hub.Simulators.Wise.Dialect;

/// <summary>The body of check-out, check-in and renew: the copy by id or barcode, the patron by id or card.</summary>
internal sealed record WiseCirculationRequestDto
{
    [JsonPropertyName("patronSystemId")] public string? PatronSystemId { get; init; }
    [JsonPropertyName("pasnummer")] public string? CardNumber { get; init; }
    [JsonPropertyName("exemplaarId")] public string? ItemId { get; init; }
    [JsonPropertyName("exemplaarnummer")] public string? Barcode { get; init; }
    [JsonPropertyName("vestiging")] public string? BranchId { get; init; }
    [JsonPropertyName("inleverdatum")] public DateOnly? DueDate { get; init; }
    /// <summary>Check-out to a guest account (a library's account for members of another library): the card of the member it is
    /// for, as the desk notes it on the loan.</summary>
    [JsonPropertyName("gastpasnummer")] public string? GuestCardNumber { get; init; }
}
