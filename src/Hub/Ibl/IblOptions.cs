using System.ComponentModel.DataAnnotations;
using Lsb.Hub.Ibl.Iso18626;
using Lsb.Hub.Ibl.Rota;
using Lsb.Hub.Ibl.Timers;

namespace Lsb.Hub.Ibl;

/// <summary>
/// Configuration section <c>Ibl</c> (docs/ibl.md, docs/configuration.md): timers, the rota policy, per-library
/// settings, institutional patrons and the ISO 18626 peers. Validated at start-up.
/// </summary>
public sealed class IblOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Ibl";

    /// <summary>Timeouts and reminders.</summary>
    public IblTimerOptions Timers { get; set; } = new();

    /// <summary>How lenders are ordered.</summary>
    public IblRotaOptions Rota { get; set; } = new();

    /// <summary>Per-library settings, keyed by ISIL (e.g. <c>Ibl:Libraries:NL-0851010000:LendingOptOut</c>).</summary>
    public Dictionary<string, IblLibraryOptions> Libraries { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The card number of the institutional patron a lender's hold and loan are for: <c>{borrower}</c> is the
    /// borrowing library's ISIL (or external agency id), <c>{lender}</c> the lender's ISIL (so the card is unique even in
    /// an installation shared by several libraries). Every lending library MUST have such a patron per borrowing library
    /// (or one shared by all, with a pattern without <c>{borrower}</c>).
    /// A library's own pattern (<see cref="IblLibraryOptions.InstitutionalPatronPattern"/>) wins.
    /// </summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Ibl:InstitutionalPatronPattern is empty: give a card-number pattern such as IBL-{lender}-{borrower}.")]
    public string InstitutionalPatronPattern { get; set; } = "IBL-{lender}-{borrower}";

    /// <summary>The member's loan at the borrowing library ends this long before the lender's due date, for the return trip.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00", ErrorMessage = "Ibl:ReturnMargin must be between 0 and 30 days.")]
    public TimeSpan ReturnMargin { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How often every node looks for messages decided but not yet handed to the bus (after a crash).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00", ErrorMessage = "Ibl:OutboxSweep must be between 100 ms and 10 minutes.")]
    public TimeSpan OutboxSweep { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The delays before the bus tries a step again whose library system could not be reached or whose answer was
    /// lost (<see cref="Steps.IblStepRetryException"/>), with the same idempotency key; after the last one the step lands
    /// in the failed-message store. Null or empty: <see cref="DefaultStepRetryDelays"/>. Read when the bus is built.</summary>
    public List<TimeSpan>? StepRetryDelays { get; set; }

    /// <summary>The default step retry schedule: 5 s, 30 s, 2 min, 10 min, 30 min (about 43 minutes in all).</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultStepRetryDelays =
        [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30)];

    /// <summary>The step retry schedule in force.</summary>
    public IReadOnlyList<TimeSpan> StepRetrySchedule => StepRetryDelays is { Count: > 0 } delays ? delays : DefaultStepRetryDelays;

    /// <summary>The base64 key (at least 32 bytes) of the patron pseudonyms lenders see. When empty, the hub generates
    /// one at first start and keeps it in its database.</summary>
    public string? PseudonymKey { get; set; }

    /// <summary>ISO 18626: the hub's own agency id and the external agencies it talks to.</summary>
    public Iso18626Options Iso18626 { get; set; } = new();

    /// <summary>The settings of one library (defaults when it has none).</summary>
    public IblLibraryOptions Library(string isil) => Libraries.TryGetValue(isil, out var options) ? options : IblLibraryOptions.Default;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var result in Timers.Validate()) yield return result;
        foreach (var result in Rota.Validate()) yield return result;
        foreach (var result in Iso18626.Validate()) yield return result;
        if (StepRetrySchedule.Count > 20 || StepRetrySchedule.Any(d => d < TimeSpan.FromMilliseconds(50) || d > TimeSpan.FromDays(1)))
            yield return new ValidationResult("Ibl:StepRetryDelays must list at most 20 delays, each between 50 ms and one day (e.g. Ibl:StepRetryDelays:0 = 00:00:05).");
        if (PseudonymKey is { Length: > 0 } key)
        {
            byte[]? bytes = null;
            try { bytes = Convert.FromBase64String(key); } catch (FormatException) { }
            if (bytes is null || bytes.Length < 32)
                yield return new ValidationResult("Ibl:PseudonymKey must be base64 of at least 32 random bytes (e.g. openssl rand -base64 32), or left empty.");
        }
        foreach (var (isil, library) in Libraries)
        {
            if (!Canonical.Identity.Isil.TryParse(isil, out _, out var error))
                yield return new ValidationResult($"Ibl:Libraries has an entry '{isil}' that is not an ISIL: {error}");
            if (library.InstitutionalPatronPattern is { Length: 0 })
                yield return new ValidationResult($"Ibl:Libraries:{isil}:InstitutionalPatronPattern is empty: remove it or give a pattern.");
        }
    }
}
