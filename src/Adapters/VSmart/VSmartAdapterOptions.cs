using System.ComponentModel.DataAnnotations;

namespace Lsb.Hub.Adapters.VSmart;

/// <summary>
/// Settings shared by every V-smart installation (configuration section <c>Adapters:VSmart</c>), validated at start-up.
/// Each installation gets its own resilience pipeline built from them, so one failing installation NEVER opens
/// another's circuit. The installation's registered endpoint is its base address; the services are reached at the
/// fixed sub-paths below, relative to it.
/// </summary>
public sealed class VSmartAdapterOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Adapters:VSmart";

    /// <summary>OAI-PMH base URL, relative to the installation's endpoint.</summary>
    public string OaiPath { get; set; } = "oai";

    /// <summary>NCIP 2.02 endpoint (HTTP POST), relative to the installation's endpoint.</summary>
    public string NcipPath { get; set; } = "ncip";

    /// <summary>Borrower change feed of the borrower web service, relative to the installation's endpoint.</summary>
    public string BorrowerChangesPath { get; set; } = "ws/borrowers/changes";

    /// <summary>Loan change feed, relative to the installation's endpoint.</summary>
    public string LoanChangesPath { get; set; } = "ws/loans/changes";

    /// <summary>The OAI-PMH metadata format harvested: MARCXML bibliographic records with embedded 852/876 holdings.</summary>
    [Required]
    public string MetadataPrefix { get; set; } = "marcxml";

    /// <summary>The set of one library is <c>{SetPrefix}:{vendor library id}</c>; each library is harvested on its own.</summary>
    [Required]
    public string SetPrefix { get; set; } = "library";

    /// <summary>The hub's NCIP agency id (<c>InitiationHeader/FromAgencyId</c>).</summary>
    [Required]
    public string HubAgencyId { get; set; } = "LSB-HUB";

    /// <summary>How long one attempt of one call may take.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after a transient fault (5xx, 408, 429, timeout, connection failure); 0 disables retrying.
    /// NCIP messages that change something are NEVER retried after a timeout (the outcome is Unknown).</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first retry delay; later ones grow exponentially, with jitter. A 503's Retry-After wins when shorter than a minute.</summary>
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

    /// <summary>The most entries asked of a borrower or loan feed in one call.</summary>
    [Range(1, 1000)]
    public int FeedPageSize { get; set; } = 1000;

    /// <summary>Unpaid fines (euro) above which a lookup reports <c>FinesOverLimit</c>.</summary>
    [Range(0, 10_000)]
    public decimal FineLimit { get; set; } = 10m;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, path) in new[] { (nameof(OaiPath), OaiPath), (nameof(NcipPath), NcipPath), (nameof(BorrowerChangesPath), BorrowerChangesPath), (nameof(LoanChangesPath), LoanChangesPath) })
        {
            if (string.IsNullOrWhiteSpace(path) || path.StartsWith('/') || path.Contains("://", StringComparison.Ordinal))
                yield return new ValidationResult($"{Section}:{name} must be a path relative to the installation's endpoint, e.g. 'oai' (was '{path}').", [name]);
        }
    }
}
