using System.ComponentModel.DataAnnotations;
using Lsb.Hub.Canonical.Identity;

namespace Lsb.Hub.HoldingsSync;

/// <summary>
/// Configuration section <c>HoldingsSync</c> (docs/holdings-sync.md). Which target each library is synchronised with
/// (<c>HoldingsSync:Libraries:{isil}:Target</c>, else <see cref="DefaultTarget"/>), when batches are cut, and how to
/// reach GGC and WorldCat. Validated at start-up.
/// </summary>
public sealed class HoldingsSyncOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string Section = "HoldingsSync";

    /// <summary>Whether this node cuts and delivers batches (the union holdings index is kept on every node).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The target of libraries without their own setting.</summary>
    public SyncTargetKind DefaultTarget { get; set; } = SyncTargetKind.Ggc;

    /// <summary>Per-library settings, keyed by ISIL.</summary>
    public Dictionary<string, LibrarySyncOptions> Libraries { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>When batches are cut.</summary>
    public HoldingsSyncScheduleOptions Schedule { get; set; } = new();

    /// <summary>The GGC delivery interface.</summary>
    public GgcTargetOptions Ggc { get; set; } = new();

    /// <summary>The WorldCat Metadata API.</summary>
    public WorldCatTargetOptions WorldCat { get; set; } = new();

    /// <summary>003 of the holdings records the hub numbers (001 is the canonical copy id).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "HoldingsSync:ControlNumberIdentifier must name the organisation that numbers the records.")]
    public string ControlNumberIdentifier { get; set; } = "NL-LSBHUB";

    /// <summary>A rejection queued this long ago but never handled is queued again (crash recovery).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "HoldingsSync:EscalationTimeout must be between 1 second and 1 day.")]
    public TimeSpan EscalationTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long the exact payload of delivered records is kept for diagnosis (records, outcomes and reasons are kept).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00", ErrorMessage = "HoldingsSync:KeepPayloadsFor must be between 0 and 3650 days.")]
    public TimeSpan KeepPayloadsFor { get; set; } = TimeSpan.FromDays(30);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (key, library) in Libraries)
        {
            if (!Isil.TryParse(key, out _, out var error))
                yield return new ValidationResult($"HoldingsSync:Libraries:{key}: '{key}' is not an ISIL ({error}). Key each library by its ISIL, e.g. HoldingsSync:Libraries:NL-0851010000:Target.");
            if (library.Target == SyncTargetKind.WorldCat && string.IsNullOrWhiteSpace(library.WorldCatSymbol) && string.IsNullOrWhiteSpace(WorldCat.DefaultSymbol))
                yield return new ValidationResult($"HoldingsSync:Libraries:{key}:Target is WorldCat but the library has no WorldCatSymbol and HoldingsSync:WorldCat:DefaultSymbol is empty: set one of them.");
        }
        TimeZoneInfo? zone = null;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(Schedule.TimeZone);
        }
        catch (TimeZoneNotFoundException)
        {
        }
        catch (InvalidTimeZoneException)
        {
        }
        if (zone is null)
            yield return new ValidationResult($"HoldingsSync:Schedule:TimeZone '{Schedule.TimeZone}' is not a known time zone: use an IANA id such as Europe/Amsterdam.");
        foreach (var result in Nested(Schedule).Concat(Nested(Ggc)).Concat(Nested(WorldCat))) yield return result;
    }

    private static List<ValidationResult> Nested(object options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
