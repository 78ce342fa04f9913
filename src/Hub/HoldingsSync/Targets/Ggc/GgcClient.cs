using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Lsb.Hub.HoldingsSync.Targets.Ggc;

/// <summary>
/// HTTP client of the GGC delivery interface: upload a data file, send its manifest (which runs the import and answers
/// the report), read a report again, export a library's holdings. Refusals that retrying cannot fix (credentials, a
/// file GGC will not take) throw <see cref="HoldingsDeliveryRefusedException"/>; 5xx, timeouts and network errors throw
/// <see cref="HttpRequestException"/> (retried by the bus).
/// </summary>
public sealed class GgcClient(CatalogueHttp http, IOptionsMonitor<HoldingsSyncOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The report of an imported file, or null when GGC has not imported it.</summary>
    public async Task<GgcReport?> ReportAsync(string file, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"ggc/deliveries/{Uri.EscapeDataString(file)}/report", null, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        await EnsureAsync(response, file, cancellationToken);
        return await response.Content.ReadFromJsonAsync<GgcReport>(Json, cancellationToken);
    }

    /// <summary>Uploads a data file.</summary>
    public async Task UploadAsync(string file, byte[] bytes, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/marc");
        using var response = await SendAsync(HttpMethod.Put, $"ggc/deliveries/{Uri.EscapeDataString(file)}", content, cancellationToken);
        await EnsureAsync(response, file, cancellationToken);
    }

    /// <summary>Sends the manifest of an uploaded file; GGC imports it and answers the report.</summary>
    public async Task<GgcReport> ImportAsync(GgcManifestDocument manifest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        using var response = await SendAsync(HttpMethod.Put, $"ggc/deliveries/{Uri.EscapeDataString(manifest.File)}/manifest",
            JsonContent.Create(manifest, options: Json), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
            throw new HttpRequestException($"GGC has no upload of {manifest.File} for its manifest; the delivery is retried (the file is uploaded again).");
        await EnsureAsync(response, manifest.File, cancellationToken);
        return await response.Content.ReadFromJsonAsync<GgcReport>(Json, cancellationToken)
            ?? throw new HttpRequestException($"GGC answered the manifest of {manifest.File} without a report.");
    }

    /// <summary>Streams the library's holdings export (ISO 2709). The caller disposes the response.</summary>
    public async Task<HttpResponseMessage> HoldingsAsync(string isil, CancellationToken cancellationToken)
    {
        var response = await SendAsync(HttpMethod.Get, $"ggc/libraries/{Uri.EscapeDataString(isil)}/holdings", null, cancellationToken,
            HttpCompletionOption.ResponseHeadersRead);
        try
        {
            await EnsureAsync(response, $"the holdings export of {isil}", cancellationToken);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        var o = options.CurrentValue.Ggc;
        var baseUrl = o.BaseUrl ?? throw new HoldingsDeliveryRefusedException("HoldingsSync:Ggc:BaseUrl is not set: configure the GGC delivery interface, then replay.");
        using var request = new HttpRequestMessage(method, CatalogueHttp.Resolve(baseUrl, path)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{o.UserName}:{o.Password}")));
        return await http.SendAsync(request, o.Timeout, cancellationToken, completion);
    }

    private async Task EnsureAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var message = Message(body);
        var status = (int)response.StatusCode;
        if (status is 401 or 403)
            throw new HoldingsDeliveryRefusedException(
                $"GGC refused the delivery account '{options.CurrentValue.Ggc.UserName}' ({status}): check HoldingsSync:Ggc:UserName and HoldingsSync:Ggc:Password, then replay this message.");
        if (status is >= 400 and < 500)
            throw new HoldingsDeliveryRefusedException($"GGC refused {what} ({status}): {message}");
        throw new HttpRequestException($"GGC failed on {what} ({status}): {message}; the delivery is retried.", null, response.StatusCode);
    }

    private static string Message(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("message", out var m) ? m.GetString() ?? body : body;
        }
        catch (JsonException)
        {
            return body.Length > 300 ? body[..300] : body;
        }
    }
}
