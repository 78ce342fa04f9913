using Lsb.Hub.Adapters.Brocade.Sip2;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Lsb.Hub.Adapters.Brocade;

/// <summary>
/// An installation's pipeline, shared by its SIP2 exchanges and its export-folder look-ups: retry with exponential
/// back-off and jitter (outermost), circuit breaker, timeout per attempt. Transient: a dropped or refused connection,
/// a timeout, an unreachable export folder. A request that changes something is retried only if it never went out.
/// </summary>
internal static class BrocadeResilience
{
    public static readonly ResiliencePropertyKey<bool> Retryable = new("lsb.brocade.retryable");

    public static ResiliencePipeline Build(BrocadeAdapterOptions options, CircuitBreakerStateProvider circuit, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome.Exception)
                    && (args.Context.Properties.GetValue(Retryable, true) || args.Outcome.Exception is Sip2TransportException { Sent: false })),
            });
        }
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            FailureRatio = options.CircuitFailureRatio,
            MinimumThroughput = options.CircuitMinimumThroughput,
            SamplingDuration = options.CircuitSamplingDuration,
            BreakDuration = options.CircuitBreakDuration,
            StateProvider = circuit,
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome.Exception)),
        });
        builder.AddTimeout(options.AttemptTimeout);
        return builder.Build();
    }

    public static bool IsTransient(Exception? e) => e is Sip2TransportException or TimeoutRejectedException || (e is IOException && e is not FileNotFoundException);
}
