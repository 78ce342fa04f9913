namespace Lsb.Hub.Consolidation;

/// <summary>A stored move (a row of <c>library_moves</c>).</summary>
public sealed class LibraryMove
{
    /// <summary>The move id (<c>mov-…</c>).</summary>
    public string Id { get; set; } = "";
    /// <summary>The library's ISIL when the move was asked.</summary>
    public string Isil { get; set; } = "";
    /// <summary>The installation it leaves.</summary>
    public string SourceInstallation { get; set; } = "";
    /// <summary>Its id there.</summary>
    public string SourceVendorLibraryId { get; set; } = "";
    /// <summary>The installation it joins.</summary>
    public string TargetInstallation { get; set; } = "";
    /// <summary>Its id there.</summary>
    public string TargetVendorLibraryId { get; set; } = "";
    /// <summary>Merger: the ISIL that becomes current.</summary>
    public string? MergeIntoIsil { get; set; }
    /// <summary>When the target takes over (ISO 8601).</summary>
    public string CutOverAt { get; set; } = "";
    /// <summary>When the source stops reading the library.</summary>
    public string OverlapUntil { get; set; } = "";
    /// <summary>A <see cref="MoveStatus"/>.</summary>
    public string Status { get; set; } = "";
    /// <summary>Members in the map.</summary>
    public long MembersTotal { get; set; }
    /// <summary>Copies in the map.</summary>
    public long HoldingsTotal { get; set; }
    /// <summary>Loans in the map.</summary>
    public long LoansTotal { get; set; }
    /// <summary>Map lines whose target id-map entry exists.</summary>
    public long Rebound { get; set; }
    /// <summary>The validation report (JSON).</summary>
    public string Report { get; set; } = "";
    /// <summary>Who asked.</summary>
    public string? RequestedBy { get; set; }
    /// <summary>When.</summary>
    public string RequestedAt { get; set; } = "";
    /// <summary>Last change of the row.</summary>
    public string UpdatedAt { get; set; } = "";
    /// <summary>When the cut-over was carried out.</summary>
    public string? CutOverDoneAt { get; set; }
    /// <summary>When the move completed.</summary>
    public string? CompletedAt { get; set; }
    /// <summary>The last failure of a step (it is tried again).</summary>
    public string? LastError { get; set; }

    /// <summary>The parsed status.</summary>
    public MoveStatus State => Enum.Parse<MoveStatus>(Status);
}
