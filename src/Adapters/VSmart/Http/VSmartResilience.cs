using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Lsb.Hub.Adapters.VSmart.Http;

/// <summary>
/// Builds an installation's pipeline: retry with exponential back-off and jitter (outermost; a 503's Retry-After is
/// honoured up to a minute), circuit breaker, and a timeout per attempt. Transient: 5xx, 408, 429, timeouts and
/// connection failures. An NCIP message that changes something and timed out is NOT retried (it may have been carried
/// out: the command reports Unknown instead).
/// </summary>
internal static class VSmartResilience
{
    public const string RetryableKey = "lsb.vsmart.retryable";

    public static readonly ResiliencePropertyKey<bool> Retryable = new(RetryableKey);

    public static ResiliencePipeline<HttpResponseMessage> Build(VSmartAdapterOptions options, CircuitBreakerStateProvider circuit, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)
                    && (args.Outcome.Exception is not TimeoutRejectedException || args.Context.Properties.GetValue(Retryable, true))),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result?.Headers.RetryAfter?.Delta is { } after && after <= TimeSpan.FromMinutes(1) ? after : (TimeSpan?)null),
            });
        }
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            FailureRatio = options.CircuitFailureRatio,
            MinimumThroughput = options.CircuitMinimumThroughput,
            SamplingDuration = options.CircuitSamplingDuration,
            BreakDuration = options.CircuitBreakDuration,
            StateProvider = circuit,
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
        });
        builder.AddTimeout(options.AttemptTimeout);
        return builder.Build();
    }

    public static bool IsTransient(HttpStatusCode status)
        => (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        HttpRequestException or TimeoutRejectedException => true,
        null => outcome.Result is { } response && IsTransient(response.StatusCode),
        _ => false,
    };
}
