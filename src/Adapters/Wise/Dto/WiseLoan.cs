using System.Text.Json.Serialization;

namespace Lsb.Hub.Adapters.Wise.Dto;

/// <summary>A Wise loan (uitlening).</summary>
internal sealed record WiseLoan
{
    [JsonPropertyName("uitleningId"), JsonRequired] public string LoanId { get; set; } = null!;
    [JsonPropertyName("exemplaarId"), JsonRequired] public string ItemId { get; set; } = null!;
    [JsonPropertyName("exemplaarnummer")] public string? Barcode { get; set; }
    [JsonPropertyName("titel")] public string? Title { get; set; }
    [JsonPropertyName("patronSystemId"), JsonRequired] public string PatronSystemId { get; set; } = null!;
    [JsonPropertyName("vestiging")] public string? BranchId { get; set; }
    [JsonPropertyName("uitleendatum")] public DateTimeOffset LentAt { get; set; }
    [JsonPropertyName("inleverdatum")] public DateOnly? DueDate { get; set; }
    [JsonPropertyName("retourdatum")] public DateTimeOffset? ReturnedAt { get; set; }
    [JsonPropertyName("verlengingen")] public int Renewals { get; set; }
    [JsonPropertyName("status")] public string? Status { get; set; }
    [JsonPropertyName("gastpasnummer")] public string? GuestCardNumber { get; set; }
}
