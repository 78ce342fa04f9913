namespace Lsb.Hub.Simulators.Catalogues.Ggc;

/// <summary>The import report of one delivered file, as the NBC import monitor shows it per library and day.</summary>
/// <param name="File">The data file.</param>
/// <param name="Isil">The library.</param>
/// <param name="Iln">The library's ILN, as the manifest gave it.</param>
/// <param name="Day">The business day of the file.</param>
/// <param name="ImportedAt">When the import ran.</param>
/// <param name="Records">Records in the file.</param>
/// <param name="Accepted">Records applied.</param>
/// <param name="Rejected">Records refused (see the outcomes for the reasons).</param>
/// <param name="Unmatched">Copies whose title GGC does not know (the fall-out list).</param>
/// <param name="Outcomes">One outcome per record, in file order.</param>
public sealed record GgcImportReport(string File, string Isil, string? Iln, string Day, DateTimeOffset ImportedAt,
    int Records, int Accepted, int Rejected, int Unmatched, IReadOnlyList<GgcRecordOutcome> Outcomes);
