using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Lsb.Hub.HoldingsSync.Targets.WorldCat;

/// <summary>
/// HTTP client of the WorldCat Metadata API's LHR endpoints. Every call runs through a Polly pipeline that retries
/// 429, 5xx and network errors, waiting exactly the <c>Retry-After</c> WorldCat asks for (else an exponential back-off
/// with jitter); a Retry-After longer than <see cref="WorldCatTargetOptions.MaxRetryAfter"/> ends the call, and the
/// bus retries the delivery later. A 401 fetches a new token once.
/// </summary>
public sealed class WorldCatClient(CatalogueHttp http, IOptionsMonitor<HoldingsSyncOptions> options, WorldCatTokenSource tokens,
    ILogger<WorldCatClient> logger)
{
    private const string MarcXml = "application/marcxml+xml";

    /// <summary>PUT an LHR (creates it when the control number is new).</summary>
    public Task<HttpResponseMessage> PutAsync(string controlNumber, string marcXml, CancellationToken cancellationToken)
        => SendAsync(() => new HttpRequestMessage(HttpMethod.Put, $"worldcat/manage/lhrs/{Uri.EscapeDataString(controlNumber)}")
        {
            Content = new StringContent(marcXml, Encoding.UTF8, MarcXml),
        }, cancellationToken);

    /// <summary>DELETE an LHR.</summary>
    public Task<HttpResponseMessage> DeleteAsync(string controlNumber, CancellationToken cancellationToken)
        => SendAsync(() => new HttpRequestMessage(HttpMethod.Delete, $"worldcat/manage/lhrs/{Uri.EscapeDataString(controlNumber)}"), cancellationToken);

    /// <summary>GET an LHR.</summary>
    public Task<HttpResponseMessage> GetAsync(string controlNumber, CancellationToken cancellationToken)
        => SendAsync(() => new HttpRequestMessage(HttpMethod.Get, $"worldcat/manage/lhrs/{Uri.EscapeDataString(controlNumber)}"), cancellationToken);

    /// <summary>One page of <c>search/my-holdings</c> for a symbol and holding library (offset is 1-based).</summary>
    public Task<HttpResponseMessage> SearchAsync(string symbol, string holdingLibrary, int offset, int limit, CancellationToken cancellationToken)
        => SendAsync(() => new HttpRequestMessage(HttpMethod.Get,
            $"worldcat/search/my-holdings?holdingLocation={Uri.EscapeDataString(symbol)}&sublocationCollection={Uri.EscapeDataString(holdingLibrary)}&offset={offset}&limit={limit}"),
            cancellationToken);

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> create, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue.WorldCat;
        var baseUrl = o.BaseUrl ?? throw new HoldingsDeliveryRefusedException("HoldingsSync:WorldCat:BaseUrl is not set: configure the WorldCat Metadata API, then replay.");
        var pipeline = Pipeline(o);
        for (var attempt = 0; ; attempt++)
        {
            var token = await tokens.GetAsync(cancellationToken);
            var response = await pipeline.ExecuteAsync(async ct =>
            {
                using var request = create();
                request.RequestUri = CatalogueHttp.Resolve(baseUrl, request.RequestUri!.OriginalString);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                request.Headers.Accept.ParseAdd(MarcXml);
                request.Headers.Accept.ParseAdd("application/json");
                return await http.SendAsync(request, o.Timeout, ct);
            }, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 0)
            {
                response.Dispose();
                tokens.Invalidate(token);
                continue;
            }
            if (response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
            {
                var wait = response.Headers.RetryAfter?.Delta;
                response.Dispose();
                throw new HttpRequestException(
                    $"WorldCat is still busy or failing ({(int)response.StatusCode}{(wait is null ? "" : $", Retry-After {wait.Value.TotalSeconds:F0} s")}) after {o.MaxRetries} retries; the delivery is retried later by the bus.",
                    null, response.StatusCode);
            }
            return response;
        }
    }

    private ResiliencePipeline<HttpResponseMessage> Pipeline(WorldCatTargetOptions o)
        => new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(1, o.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(200),
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: HttpRequestException } => true,
                    { Exception: TaskCanceledException } when !args.Context.CancellationToken.IsCancellationRequested => true,
                    { Result: { } r } when r.StatusCode == HttpStatusCode.TooManyRequests => RetryAfter(r) is not { } wait || wait <= o.MaxRetryAfter,
                    { Result: { } r } => (int)r.StatusCode is 500 or 502 or 503 or 504,
                    _ => false,
                }),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } r ? RetryAfter(r) : null),
                OnRetry = args =>
                {
                    logger.LogInformation("WorldCat answered {Status}; retry {Attempt} in {Delay}",
                        args.Outcome.Result is { } r ? (int)r.StatusCode : 0, args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

    /// <summary>The wait a response asks for (Retry-After as seconds or as a date), or null.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }
}
