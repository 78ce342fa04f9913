using System.Text.Json;
using Lsb.Hub.Auth;
using Lsb.Hub.Infrastructure;

namespace Lsb.Hub.FailedMessages.Cli;

/// <summary>The hub's admin API as the CLI calls it: JSON in, JSON out; a problem answer becomes <see cref="HubApiException"/>.</summary>
public sealed class HubAdminClient : IDisposable
{
    private readonly HttpClient _http;

    /// <summary>Creates a client for the hub at <paramref name="baseAddress"/> with <paramref name="apiKey"/>.</summary>
    public HubAdminClient(Uri baseAddress, string apiKey, HttpMessageHandler? handler = null)
    {
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.BaseAddress = baseAddress;
        _http.Timeout = TimeSpan.FromMinutes(5);
        _http.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, apiKey);
    }

    /// <summary>GET.</summary>
    public async Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken)
        => await ReadAsync(await _http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken), cancellationToken);

    /// <summary>POST with a JSON body (or none).</summary>
    public async Task<JsonElement> PostAsync(string path, object? body, CancellationToken cancellationToken)
    {
        using var content = body is null ? null : System.Net.Http.Json.JsonContent.Create(body, options: HubJson.Options);
        return await ReadAsync(await _http.PostAsync(new Uri(path, UriKind.Relative), content, cancellationToken), cancellationToken);
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            JsonElement body = default;
            if (text.Length > 0)
            {
                try { body = JsonDocument.Parse(text).RootElement.Clone(); }
                catch (JsonException) { body = JsonSerializer.SerializeToElement(text); }
            }
            if (response.IsSuccessStatusCode) return body;
            throw new HubApiException((int)response.StatusCode, Describe(body, text));
        }
    }

    private static string Describe(JsonElement problem, string text)
    {
        if (problem.ValueKind != JsonValueKind.Object) return text;
        var parts = new List<string>();
        if (problem.TryGetProperty("title", out var title)) parts.Add(title.GetString() ?? "");
        if (problem.TryGetProperty("detail", out var detail)) parts.Add(detail.GetString() ?? "");
        if (problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            foreach (var error in errors.EnumerateObject())
                parts.Add($"{error.Name}: {string.Join(" ", error.Value.EnumerateArray().Select(e => e.GetString()))}");
        return string.Join(" — ", parts.Where(p => p.Length > 0));
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
