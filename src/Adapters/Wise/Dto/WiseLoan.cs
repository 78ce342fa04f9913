using System.Text.Json.Serialization;

namespace Lsb.Hub.Adapters.Wise.Dto;

/// <summary>A Wise loan (uitlening).</summary>
internal sealed record WiseLoan
{
    [JsonPropertyName("uitleningId")] public required string LoanId { get; init; }
    [JsonPropertyName("exemplaarId")] public required string ItemId { get; init; }
    [JsonPropertyName("exemplaarnummer")] public string? Barcode { get; init; }
    [JsonPropertyName("titel")] public string? Title { get; init; }
    [JsonPropertyName("patronSystemId")] public required string PatronSystemId { get; init; }
    [JsonPropertyName("vestiging")] public string? BranchId { get; init; }
    [JsonPropertyName("uitleendatum")] public DateTimeOffset LentAt { get; init; }
    [JsonPropertyName("inleverdatum")] public DateOnly? DueDate { get; init; }
    [JsonPropertyName("retourdatum")] public DateTimeOffset? ReturnedAt { get; init; }
    [JsonPropertyName("verlengingen")] public int Renewals { get; init; }
    [JsonPropertyName("status")] public string? Status { get; init; }
    [JsonPropertyName("gastpasnummer")] public string? GuestCardNumber { get; init; }
}
