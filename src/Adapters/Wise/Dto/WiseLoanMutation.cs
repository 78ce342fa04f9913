using System.Text.Json.Serialization;

namespace Lsb.Hub.Adapters.Wise.Dto;

/// <summary>An entry of the loan mutation feed (the payload of a "loan" change): a loan, or (kind INNAME_VREEMD) a copy of
/// another system that the desk took in.</summary>
internal sealed record WiseLoanMutation(
    [property: JsonPropertyName("mutatienummer")] long Number,
    [property: JsonPropertyName("mutatiedatum")] DateTimeOffset At,
    [property: JsonPropertyName("mutatiesoort")] string? Kind,
    [property: JsonPropertyName("uitlening")] WiseLoan? Loan,
    [property: JsonPropertyName("vreemdExemplaar")] WiseForeignItem? ForeignItem = null);
