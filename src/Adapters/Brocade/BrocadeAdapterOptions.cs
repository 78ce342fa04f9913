using System.ComponentModel.DataAnnotations;

namespace Lsb.Hub.Adapters.Brocade;

/// <summary>
/// Settings shared by every Brocade installation (configuration section <c>Adapters:Brocade</c>), validated at start-up.
/// Each installation gets its own SIP2 connection pool and resilience pipeline, so one failing installation NEVER
/// opens another's circuit.
/// </summary>
public sealed class BrocadeAdapterOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Adapters:Brocade";

    /// <summary>How long one SIP2 exchange, or one look at the export folder, may take.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after a transient fault (dropped connection, timeout, export folder unreachable); 0 disables retrying.
    /// A request that changes something (check-out, renewal, hold) is NEVER retried once sent.</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first retry delay; later ones grow exponentially, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The share of failed attempts in <see cref="CircuitSamplingDuration"/> that opens the circuit.</summary>
    [Range(0.01, 1.0)]
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>The fewest attempts in <see cref="CircuitSamplingDuration"/> before the circuit may open.</summary>
    [Range(2, 1000)]
    public int CircuitMinimumThroughput { get; set; } = 8;

    /// <summary>The window over which failures are counted.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit stays open before one trial call is let through.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>SIP2 connections kept per installation (each logged in once with 93).</summary>
    [Range(1, 64)]
    public int SipConnectionsPerInstallation { get; set; } = 4;

    /// <summary>How often a corrupt answer is asked again with 97, or a request the server could not read (96) is sent again.</summary>
    [Range(0, 5)]
    public int SipResendAttempts { get; set; } = 2;

    /// <summary>The SIP2 character set (Brocade: windows-1252).</summary>
    [Required]
    public string SipEncoding { get; set; } = "windows-1252";

    /// <summary>Where the adapter keeps, per installation, the sorted snapshot of the last full export of each kind and
    /// the change lists being read (<c>{StateDirectory}/{installation}/</c>). MUST survive restarts: without the snapshot,
    /// the next full export can only be read whole (no deletions detected).</summary>
    [Required]
    public string StateDirectory { get; set; } = Path.Combine("data", "brocade");

    /// <summary>Memory the snapshot differ may use to sort an unsorted export (bounded: larger exports spill to run files).</summary>
    [Range(4, 4096)]
    public int SortMemoryMegabytes { get; set; } = 48;

    /// <summary>How many consumed export files the cursor remembers (name-independent identity), to skip a file delivered twice.</summary>
    [Range(16, 4096)]
    public int LedgerSize { get; set; } = 256;

    /// <summary>How long an export file may stay shorter than its marker says (still being copied) before it is reported as cut off.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan IncompleteExportGrace { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Unpaid fines (euro) above which a lookup reports <c>FinesOverLimit</c> when the SIP2 flags do not say.</summary>
    [Range(0, 10_000)]
    public decimal FineLimit { get; set; } = 10m;
}
