using System.Text.Json.Serialization;

namespace Lsb.Hub.Simulators.Wise.Dialect;

/// <summary>A loan (uitlening) as the loan mutation feed and the circulation endpoints return it.</summary>
internal sealed record WiseLoanDto
{
    [JsonPropertyName("uitleningId")] public required string LoanId { get; init; }
    [JsonPropertyName("exemplaarId")] public required string ItemId { get; init; }
    [JsonPropertyName("exemplaarnummer")] public required string Barcode { get; init; }
    [JsonPropertyName("titel")] public string? Title { get; init; }
    [JsonPropertyName("patronSystemId")] public required string PatronSystemId { get; init; }
    [JsonPropertyName("vestiging")] public required string BranchId { get; init; }
    [JsonPropertyName("uitleendatum")] public required DateTimeOffset LentAt { get; init; }
    [JsonPropertyName("inleverdatum")] public required DateOnly DueDate { get; init; }
    [JsonPropertyName("retourdatum")] public DateTimeOffset? ReturnedAt { get; init; }
    [JsonPropertyName("verlengingen")] public int Renewals { get; init; }
    [JsonPropertyName("status")] public required string Status { get; init; }
    [JsonPropertyName("gastpasnummer")] public string? GuestCardNumber { get; init; }
}
