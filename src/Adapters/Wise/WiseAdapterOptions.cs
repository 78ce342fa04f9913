using System.ComponentModel.DataAnnotations;

namespace Lsb.Hub.Adapters.Wise;

/// <summary>
/// Settings shared by every Wise installation (configuration section <c>Adapters:Wise</c>), validated at start-up.
/// Each installation gets its own resilience pipeline built from them, so one failing installation NEVER opens
/// another's circuit.
/// </summary>
public sealed class WiseAdapterOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Adapters:Wise";

    /// <summary>How long one attempt of one call may take.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after a transient fault (5xx, 408, 429, timeout, connection failure); 0 disables retrying.</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first retry delay; later ones grow exponentially, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The share of failed calls in <see cref="CircuitSamplingDuration"/> that opens the circuit.</summary>
    [Range(0.01, 1.0)]
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>The fewest calls in <see cref="CircuitSamplingDuration"/> before the circuit may open.</summary>
    [Range(2, 1000)]
    public int CircuitMinimumThroughput { get; set; } = 8;

    /// <summary>The window over which failures are counted.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit stays open before one trial call is let through.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The most records asked of a feed in one call (Wise serves at most 1,000).</summary>
    [Range(1, 1000)]
    public int FeedPageSize { get; set; } = 1000;

    /// <summary>The date the patron deltas are read from when the hub has no cursor yet.</summary>
    public DateOnly PatronDeltaStart { get; set; } = new(2000, 1, 1);

    /// <summary>Fetch changed patrons with the bulk patron-information call (true) or one call per patron (false,
    /// for a Wise system without the bulk call).</summary>
    public bool BulkPatronInformation { get; set; } = true;

    /// <summary>Parallel calls when fetching patron information one by one.</summary>
    [Range(1, 32)]
    public int PatronInformationConcurrency { get; set; } = 8;

    /// <summary>Unpaid fines (euro) above which a lookup reports <c>FinesOverLimit</c>.</summary>
    [Range(0, 10_000)]
    public decimal FineLimit { get; set; } = 10m;
}
