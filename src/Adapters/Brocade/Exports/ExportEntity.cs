namespace Lsb.Hub.Adapters.Brocade.Exports;

/// <summary>What an export file holds (marker <c>gegevens</c>), in the order files of one run are read: members and
/// copies before the loans that refer to them.</summary>
internal enum ExportEntity
{
    /// <summary>LEDEN: members, CSV.</summary>
    Members,
    /// <summary>EXEMPLAREN: copies, ISO 2709 holdings records.</summary>
    Holdings,
    /// <summary>UITLENINGEN: loans, CSV.</summary>
    Loans,
}
