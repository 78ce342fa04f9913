using System.Text.Json.Serialization;

namespace Lsb.Hub.Adapters.Wise.Dto;

/// <summary>An entry of the loan mutation feed (the payload of a "loan" change): a loan, or (kind INNAME_VREEMD) a copy of
/// another system that the desk took in. Settable members rather than a constructor (see <see cref="WiseItemMutation"/>).</summary>
internal sealed record WiseLoanMutation
{
    [JsonPropertyName("mutatienummer")] public long Number { get; set; }
    [JsonPropertyName("mutatiedatum")] public DateTimeOffset At { get; set; }
    [JsonPropertyName("mutatiesoort")] public string? Kind { get; set; }
    [JsonPropertyName("uitlening")] public WiseLoan? Loan { get; set; }
    [JsonPropertyName("vreemdExemplaar")] public WiseForeignItem? ForeignItem { get; set; }
}
