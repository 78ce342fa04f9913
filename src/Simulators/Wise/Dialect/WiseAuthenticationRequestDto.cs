using System.Text.Json.Serialization;

namespace Lsb.Hub.Simulators.Wise.Dialect;

/// <summary>The body of <c>/patron/authentication</c>: card number and PIN.</summary>
internal sealed record WiseAuthenticationRequestDto
{
    [JsonPropertyName("libraryId")] public string? LibraryId { get; init; }
    [JsonPropertyName("cardNumber")] public required string CardNumber { get; init; }
    [JsonPropertyName("password")] public required string Password { get; init; }
}
