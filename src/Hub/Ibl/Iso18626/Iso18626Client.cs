using System.Net.Http.Headers;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Extensions.Options;

namespace Lsb.Hub.Ibl.Iso18626;

/// <summary>Posts ISO 18626 messages to peers and reads their confirmations.</summary>
public sealed class Iso18626Client(IOptions<IblOptions> options) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = options.Value.Iso18626.SendTimeout,
    };

    /// <summary>
    /// Sends <paramref name="xml"/> to <paramref name="address"/>. Returns null when the peer confirmed OK, else the
    /// peer's error. Throws <see cref="HttpRequestException"/> (or a timeout) when the peer could not be reached or
    /// gave no confirmation, so the bus retries.
    /// </summary>
    public async Task<string?> SendAsync(Uri address, string xml, string? key, CancellationToken cancellationToken)
    {
        using var content = new StringContent(xml, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/xml") { CharSet = "utf-8" };
        using var message = new HttpRequestMessage(HttpMethod.Post, address) { Content = content };
        if (key is not null) message.Headers.Add("X-Iso18626-Key", key);
        using var response = await _http.SendAsync(message, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        XDocument confirmation;
        try
        {
            confirmation = XDocument.Parse(body);
        }
        catch (XmlException)
        {
            throw new HttpRequestException($"{address} answered {(int)response.StatusCode} without an ISO 18626 confirmation.");
        }
        XNamespace ns = Iso18626Messages.Namespace;
        var status = confirmation.Descendants(ns + "messageStatus").FirstOrDefault()?.Value.Trim();
        if (status == "OK") return null;
        if (status != "ERROR") throw new HttpRequestException($"{address} answered {(int)response.StatusCode} without a messageStatus.");
        var type = confirmation.Descendants(ns + "errorType").FirstOrDefault()?.Value.Trim();
        var value = confirmation.Descendants(ns + "errorValue").FirstOrDefault()?.Value.Trim();
        return $"{type ?? "ERROR"}: {value ?? "no explanation"}";
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
