namespace Lsb.Hub.Adapters.Brocade.Snapshots;

/// <summary>
/// Reads the records of one export file front to back, once, in file order, while checking it against its marker:
/// a size, checksum or record count that does not match throws <see cref="ExportDamagedException"/> at the end, and
/// nothing read from it may be used.
/// </summary>
internal interface IExportRecordSource
{
    /// <summary>The CSV header (semicolon-joined) or null for MARC.</summary>
    string? Header { get; }

    /// <summary>Reads every record.</summary>
    void Read(RecordHandler onRecord, BrokenRecordHandler onBroken, CancellationToken cancellationToken);
}
