using System.Text.Json;

namespace Lsb.Hub.Infrastructure;

/// <summary>
/// Reads a JSON request body with the hub's conventions. Malformed JSON or a value of the wrong type becomes a 400
/// problem naming the JSON path and what was wrong, instead of the framework's bare 400.
/// </summary>
public static class JsonBody
{
    /// <summary>The body, or a problem result explaining why it cannot be read.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentType is null || !request.ContentType.Contains("json", StringComparison.OrdinalIgnoreCase))
            return (null, Problems.Invalid("body", "Send the request body as JSON with Content-Type: application/json."));
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, HubJson.Options, cancellationToken);
            return value is null ? (null, Problems.Invalid("body", "The request body is empty: send a JSON object.")) : (value, null);
        }
        catch (JsonException e)
        {
            var path = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            var reason = e.InnerException is FormatException or InvalidOperationException ? e.InnerException.Message : e.Message;
            return (null, Problems.Invalid(path, $"Not valid JSON for this request: {reason}"));
        }
    }
}
