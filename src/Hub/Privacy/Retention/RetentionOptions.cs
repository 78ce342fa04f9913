using System.ComponentModel.DataAnnotations;

namespace Lsb.Hub.Privacy.Retention;

/// <summary>Configuration section <c>Retention</c>, validated at start.</summary>
public sealed class RetentionOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Retention";

    /// <summary>Loan history that ended longer ago than this is pseudonymised unless the person keeps it (default 90 days).</summary>
    public TimeSpan HistoryPeriod { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How often the job runs (default hourly). A run also starts at hub start.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>False: the job does not run on its own (it still runs on <c>POST /api/v1/privacy/retention/runs</c>).</summary>
    public bool Scheduled { get; set; } = true;

    /// <summary>Loans decided per transaction (default 2,000).</summary>
    [Range(100, 100_000, ErrorMessage = "Retention:ChunkSize must be between 100 and 100,000 loans.")]
    public int ChunkSize { get; set; } = 2_000;

    /// <summary>E-book loan events that waited longer than this for a member who never appeared are deleted (default 90 days).</summary>
    public TimeSpan WaitingEventExpiry { get; set; } = TimeSpan.FromDays(90);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (HistoryPeriod < TimeSpan.FromDays(1) || HistoryPeriod > TimeSpan.FromDays(3650))
            yield return new ValidationResult("Retention:HistoryPeriod must be between 1 day and 10 years (the privacy rule is 90 days: 90.00:00:00).");
        if (Interval < TimeSpan.FromSeconds(1))
            yield return new ValidationResult("Retention:Interval must be at least 1 second (e.g. 01:00:00 for hourly).");
        if (WaitingEventExpiry < TimeSpan.FromDays(1))
            yield return new ValidationResult("Retention:WaitingEventExpiry must be at least 1 day.");
    }
}
