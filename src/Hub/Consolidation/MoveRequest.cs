namespace Lsb.Hub.Consolidation;

/// <summary>The body of <c>POST /api/v1/libraries/{isil}/moves</c>.</summary>
public sealed class MoveRequest
{
    /// <summary>The installation the library moves to (registered already).</summary>
    public string? TargetInstallation { get; set; }

    /// <summary>The library's id in the target system (Wise library id, V-smart library code, Brocade library).</summary>
    public string? TargetVendorLibraryId { get; set; }

    /// <summary>When the target becomes the library's system of record; absent: at once.</summary>
    public DateTimeOffset? CutOverAt { get; set; }

    /// <summary>How long after the cut-over the source is still read for late changes (default 10 minutes, at most 7 days).</summary>
    public TimeSpan? Overlap { get; set; }

    /// <summary>Merger: the ISIL (already registered to the target installation) that becomes this library's current one.</summary>
    public string? MergeInto { get; set; }

    /// <summary>The migration map, CSV with the header <c>entity,old_id,new_id</c> (see <see cref="MigrationMap"/>).</summary>
    public string? MigrationMap { get; set; }

    /// <summary>Only validate and report; nothing is stored or changed.</summary>
    public bool DryRun { get; set; }
}
