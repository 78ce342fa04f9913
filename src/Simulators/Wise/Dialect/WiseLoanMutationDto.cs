using System.Text.Json.Serialization;

namespace Lsb.Hub.Simulators.Wise.Dialect;

/// <summary>One entry of a library's loan mutation feed: the loan as it was right after the mutation, or (kind
/// <c>INNAME_VREEMD</c>) a copy of another system that the desk took in, with no loan.</summary>
internal sealed record WiseLoanMutationDto(
    [property: JsonPropertyName("mutatienummer")] long Number,
    [property: JsonPropertyName("mutatiedatum")] DateTimeOffset At,
    [property: JsonPropertyName("mutatiesoort")] string Kind,
    [property: JsonPropertyName("uitlening")] WiseLoanDto? Loan,
    [property: JsonPropertyName("vreemdExemplaar")] WiseForeignItemDto? ForeignItem = null);
