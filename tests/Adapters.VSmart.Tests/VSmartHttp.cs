using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using Lsb.Hub.Simulators.VSmart;

namespace Lsb.Hub.Adapters.VSmart.Tests;

/// <summary>The simulator asked over plain HTTP with an installation's Basic credentials, the way any OAI-PMH harvester or
/// NCIP client asks it (not through the adapter).</summary>
internal static class VSmartHttp
{
    public static HttpClient Client(VSmartInstallationAccess access, string? password = null)
    {
        var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{access.Username}:{password ?? access.Password}")));
        return http;
    }

    /// <summary>An OAI-PMH request (<paramref name="query"/> without the '?'); the answer MUST be HTTP 200, errors included.</summary>
    public static async Task<XDocument> OaiAsync(VSmartInstallationAccess access, string query, CancellationToken cancellationToken, string? password = null)
    {
        using var http = Client(access, password);
        using var response = await http.GetAsync(new Uri(access.OaiEndpoint + "?" + query), cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return XDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary>An NCIP message; the answer MUST be HTTP 200, a Problem included. Returns the answer's text.</summary>
    public static async Task<string> NcipAsync(VSmartInstallationAccess access, XElement message, CancellationToken cancellationToken)
    {
        using var http = Client(access);
        using var content = new StringContent(Ncip.NcipRequests.Text(message), Encoding.UTF8, "application/xml");
        using var response = await http.PostAsync(access.NcipEndpoint, content, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }
}
