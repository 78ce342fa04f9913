namespace Lsb.Hub.HoldingsSync.Rejections;

/// <summary>
/// A catalogue rejected one copy's record. Its first handling fails on purpose, so the rejection lands in the
/// failed-message store where an administrator sees library, copy and reason; its replay re-sends the copy's CURRENT
/// state once (or does nothing when a later batch already did). Idempotent: replaying twice sends nothing twice.
/// </summary>
/// <param name="BatchId">The batch the record was rejected in.</param>
/// <param name="Sequence">The record's sequence in it.</param>
/// <param name="Isil">The library.</param>
/// <param name="HoldingId">The copy.</param>
/// <param name="Barcode">The copy's barcode, for people.</param>
/// <param name="Target">The catalogue that rejected it.</param>
/// <param name="Reason">The catalogue's reason.</param>
public sealed record HoldingRecordRejected(string BatchId, int Sequence, string Isil, string HoldingId, string? Barcode, SyncTargetKind Target, string Reason);
