using Lsb.Hub.HoldingsSync.Records;
using Lsb.Hub.HoldingsSync.Targets;
using Lsb.Hub.Ingest.State;

namespace Lsb.Hub.HoldingsSync.Batches;

/// <summary>
/// What a batch does with one copy of a library: compare the hub's copy with what the target holds (as acknowledged)
/// and send only the difference. A copy added and withdrawn on the same day is never sent; a copy whose catalogue
/// record would not change (a loan, a status change) is not sent either.
/// </summary>
/// <param name="HoldingId">The copy (the journal's key).</param>
/// <param name="Action">The action, or null when nothing is sent.</param>
/// <param name="Prepared">The record to send (or the unmatched reason).</param>
/// <param name="Barcode">The copy's barcode.</param>
/// <param name="Position">The journal position the decision consumed.</param>
public sealed record SyncDecision(string HoldingId, SyncAction? Action, PreparedRecord? Prepared, string? Barcode, long Position)
{
    /// <summary>True when the catalogue cannot hold the copy (reported, never silently dropped).</summary>
    public bool Unmatched => Prepared?.UnmatchedReason is not null;

    /// <summary>Decides for one copy.</summary>
    public static SyncDecision Decide(string holdingId, HoldingRow? hub, MirrorRow? held, bool forced, long position,
        LibraryTarget library, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(library);
        var target = library.Target ?? throw new ArgumentException($"Library {library.Isil} has no target.", nameof(library));
        if (hub is not null && !hub.Withdrawn && string.Equals(hub.Isil, library.Isil, StringComparison.OrdinalIgnoreCase))
        {
            var copy = CatalogueCopy.From(hub);
            var action = held is null ? SyncAction.Add : SyncAction.Change;
            var prepared = target.Prepare(action, copy, library, at);
            if (prepared.UnmatchedReason is not null) return new SyncDecision(holdingId, null, prepared, copy.Barcode, position);
            if (held is not null && !forced && held.Digest == prepared.Digest) return new SyncDecision(holdingId, null, null, copy.Barcode, position);
            return new SyncDecision(holdingId, action, prepared, copy.Barcode, position);
        }
        if (held is null) return new SyncDecision(holdingId, null, null, hub?.Barcode, position);
        var gone = CatalogueCopy.Gone(held.ControlNumber, library.Isil, held.Barcode, held.BibReference);
        var delete = target.Prepare(SyncAction.Delete, gone, library, at) with { ControlNumber = held.ControlNumber };
        return new SyncDecision(holdingId, SyncAction.Delete, delete, held.Barcode, position);
    }
}
