using System.Net;
using System.Text.Json;
using Lsb.Hub.Adapters.Wise.Dto;

namespace Lsb.Hub.Adapters.Wise.Http;

/// <summary>A non-success answer of Wise: the status, the vendor error code and message (when the body has them).</summary>
internal sealed record WiseFailure(HttpStatusCode Status, string? Code, string Message)
{
    public bool IsKeyRefused => Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden && Code is null or "INVALID_WISE_KEY" or "MISSING_WISE_KEY";

    public override string ToString() => $"HTTP {(int)Status}{(Code is null ? string.Empty : " " + Code)}: {Message}";

    public static async Task<WiseFailure> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            if (JsonSerializer.Deserialize(text, WiseJsonContext.Default.WiseError) is { } error)
                return new WiseFailure(response.StatusCode, error.ErrorCode, error.ErrorMessage ?? response.ReasonPhrase ?? string.Empty);
        }
        catch (JsonException)
        {
            // Not a Wise error body (a proxy's HTML page, say): report the start of it as it is.
        }
        return new WiseFailure(response.StatusCode, null, text.Length > 200 ? text[..200] + "…" : text);
    }
}
