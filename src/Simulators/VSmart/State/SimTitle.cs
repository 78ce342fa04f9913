namespace Lsb.Hub.Simulators.VSmart.State;

/// <summary>A bibliographic record (titel) and the OAI-PMH state of it and of its holdings records.</summary>
internal sealed class SimTitle
{
    public required string TitleNumber { get; init; }
    public required string Title { get; init; }
    public string? Author { get; init; }
    public string? Isbn { get; init; }
    public string? Ppn { get; init; }
    public string? OclcNumber { get; init; }
    public required string MaterialCode { get; init; }
    public required string Department { get; init; }
    public required string Shelfmark { get; init; }
    public required int Year { get; init; }
    public string? Publisher { get; init; }

    /// <summary>Every copy ever added, withdrawn ones included (V-smart keeps them in the record with status WD).</summary>
    public List<long> Copies { get; } = [];

    /// <summary>Temporary ILL records are suppressed from the OAI-PMH export.</summary>
    public bool Suppressed { get; init; }

    /// <summary>Deleted in the catalogue: OAI-PMH keeps a deleted header (deletedRecord=persistent).</summary>
    public bool Deleted { get; set; }

    /// <summary>The record version (999 $v): the global revision of its last change.</summary>
    public long Revision { get; set; }

    /// <summary>When it last changed (005, OAI datestamp).</summary>
    public DateTimeOffset Modified { get; set; }

    public bool IsSerial => MaterialCode == VSmartCodes.Serial;
}
