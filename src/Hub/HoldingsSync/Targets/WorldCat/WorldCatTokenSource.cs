using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Lsb.Hub.HoldingsSync.Scheduling;
using Microsoft.Extensions.Options;

namespace Lsb.Hub.HoldingsSync.Targets.WorldCat;

/// <summary>
/// OAuth client-credentials tokens for the WorldCat Metadata API (POST to the token endpoint with HTTP Basic
/// WSKey:secret). One token is shared until a minute before it expires, or until the API refuses it.
/// </summary>
public sealed class WorldCatTokenSource(CatalogueHttp http, IOptionsMonitor<HoldingsSyncOptions> options, HoldingsSyncClock clock)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _expires;

    /// <summary>A valid token, fetching one when needed.</summary>
    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_token is not null && _expires - TimeSpan.FromMinutes(1) > clock.Now) return _token;
            var o = options.CurrentValue.WorldCat;
            using var request = new HttpRequestMessage(HttpMethod.Post, o.TokenUrl)
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = o.Scope }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{o.ClientKey}:{o.ClientSecret}")));
            using var response = await http.SendAsync(request, o.Timeout, cancellationToken);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest)
                throw new HoldingsDeliveryRefusedException(
                    $"WorldCat's token endpoint refused the WSKey '{o.ClientKey}' ({(int)response.StatusCode}): check HoldingsSync:WorldCat:ClientKey, ClientSecret and Scope, then replay this message.");
            if (!response.IsSuccessStatusCode)
                throw new HttpRequestException($"WorldCat's token endpoint failed ({(int)response.StatusCode}); the delivery is retried.", null, response.StatusCode);
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            _token = document.RootElement.GetProperty("access_token").GetString() ?? throw new HttpRequestException("WorldCat answered a token request without access_token.");
            _expires = clock.Now.AddSeconds(document.RootElement.TryGetProperty("expires_in", out var seconds) ? seconds.GetInt32() : 1199);
            return _token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets <paramref name="token"/> after the API refused it (401), so the next call fetches a new one.</summary>
    public void Invalidate(string token)
    {
        if (_token == token) _token = null;
    }
}
