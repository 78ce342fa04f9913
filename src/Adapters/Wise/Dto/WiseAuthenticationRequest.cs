using System.Text.Json.Serialization;

namespace Lsb.Hub.Adapters.Wise.Dto;

/// <summary>The body of <c>/patron/authentication</c>. Holds a PIN: NEVER log it.</summary>
internal sealed record WiseAuthenticationRequest(
    [property: JsonPropertyName("libraryId")] string LibraryId,
    [property: JsonPropertyName("cardNumber")] string CardNumber,
    [property: JsonPropertyName("password")] string Password)
{
    public override string ToString() => $"WiseAuthenticationRequest {{ LibraryId = {LibraryId}, CardNumber = {CardNumber}, Password = *** }}";
}
