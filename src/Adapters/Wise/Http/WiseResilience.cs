using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Lsb.Hub.Adapters.Wise.Http;

/// <summary>
/// Builds an installation's pipeline: retry with exponential back-off and jitter (outermost), circuit breaker, and a
/// timeout per attempt. Transient: 5xx, 408, 429, timeouts and connection failures. A POST that timed out is NOT
/// retried (it may have been carried out: the command reports Unknown instead).
/// </summary>
internal static class WiseResilience
{
    public static readonly ResiliencePropertyKey<bool> Retryable = new("lsb.wise.retryable");

    public static ResiliencePipeline<HttpResponseMessage> Build(WiseAdapterOptions options, CircuitBreakerStateProvider circuit, TimeProvider time)
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
