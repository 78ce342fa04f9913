namespace Lsb.Hub.Adapters.Brocade.Snapshots;

/// <summary>One entry of a change list.</summary>
/// <param name="Op">Row, gone or broken.</param>
/// <param name="Key">The record's key (empty when it could not be read).</param>
/// <param name="Record">The record's bytes (the old record for <see cref="ChangeOp.Gone"/>).</param>
/// <param name="Position">Line (CSV) or byte offset (MARC) in its file.</param>
/// <param name="Ordinal">Record number in its file.</param>
/// <param name="Problem">Why a broken record could not be read.</param>
internal sealed record ChangeEntry(ChangeOp Op, string Key, byte[] Record, long Position, int Ordinal, string? Problem);
