namespace Lsb.Hub.Simulators.Catalogues.Ggc;

/// <summary>What the import did with one record of a file.</summary>
/// <param name="Sequence">1-based position of the record in the file.</param>
/// <param name="RecordId">The record's 001 (the sender's copy id), if it had one.</param>
/// <param name="Barcode">876 $p.</param>
/// <param name="Action"><c>add</c> (leader/05 n), <c>change</c> (c) or <c>delete</c> (d).</param>
/// <param name="Result"><c>accepted</c>, <c>rejected</c> or <c>unmatched</c> (no title in GGC to attach the copy to).</param>
/// <param name="Reason">Why it was rejected or unmatched, or a note on an accepted record.</param>
public sealed record GgcRecordOutcome(int Sequence, string? RecordId, string? Barcode, string Action, string Result, string? Reason);
