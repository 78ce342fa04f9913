namespace Lsb.Hub.HoldingsSync.Targets.Ggc;

/// <summary>GGC's import report of one file (the hub's reading of it).</summary>
public sealed record GgcReport(string File, string Isil, string? Iln, string Day, DateTimeOffset ImportedAt, int Records, int Accepted,
    int Rejected, int Unmatched, IReadOnlyList<GgcReportOutcome> Outcomes);

/// <summary>One record's outcome in a <see cref="GgcReport"/>.</summary>
public sealed record GgcReportOutcome(int Sequence, string? RecordId, string? Barcode, string Action, string Result, string? Reason);
