namespace Lsb.Hub.Adapters.Brocade.Exports;

/// <summary>What an export file holds (marker <c>gegevens</c>), in the order files of one run are read: members and
/// copies before the loans that refer to them, foreign take-ins last.</summary>
internal enum ExportEntity
{
    /// <summary>LEDEN: members, CSV.</summary>
    Members,
    /// <summary>EXEMPLAREN: copies, ISO 2709 holdings records.</summary>
    Holdings,
    /// <summary>UITLENINGEN: loans, CSV.</summary>
    Loans,
    /// <summary>INNAMES_VREEMD: copies of other library systems taken in at a desk, CSV; a log (a full export lists every one).</summary>
    ForeignTakeIns,
}
