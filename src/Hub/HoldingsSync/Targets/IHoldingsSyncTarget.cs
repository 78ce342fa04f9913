using Lsb.Hub.HoldingsSync.Batches;
using Lsb.Hub.HoldingsSync.Delivery;
using Lsb.Hub.HoldingsSync.Records;

namespace Lsb.Hub.HoldingsSync.Targets;

/// <summary>
/// A national catalogue the hub keeps libraries' holdings in step with (GGC, WorldCat). The hub decides WHAT to send
/// (by comparing each copy's <see cref="Prepare"/>d digest with what the target acknowledged); the target decides HOW
/// it is written and delivered.
/// </summary>
public interface IHoldingsSyncTarget
{
    /// <summary>Which target this is.</summary>
    SyncTargetKind Kind { get; }

    /// <summary>
    /// The record for <paramref name="copy"/>: its payload (exactly what will be sent, stored with the batch), the digest
    /// of what it says, its control number and 004. Returns an unmatched reason instead when the catalogue cannot hold
    /// the copy (no identifier it matches on). MUST be deterministic apart from the timestamp <paramref name="at"/>.
    /// </summary>
    PreparedRecord Prepare(SyncAction action, CatalogueCopy copy, LibraryTarget library, DateTimeOffset at);

    /// <summary>Records per part of a batch (GGC: per file); <see cref="int.MaxValue"/> when records go one by one.</summary>
    int PartSize { get; }

    /// <summary>
    /// Delivers the batch's unacknowledged records and records each outcome through <paramref name="delivery"/> as
    /// soon as the target reports it. MUST NOT send a record again whose outcome was recorded, and MUST find out, before
    /// re-sending after an interruption (<see cref="BatchDelivery.Resuming"/>), whether the target already applied what
    /// was in flight. Throws <see cref="HoldingsDeliveryRefusedException"/> when the target refuses the delivery as a
    /// whole (credentials, configuration); any other exception means "try again later".
    /// </summary>
    Task DeliverAsync(BatchDelivery delivery, CancellationToken cancellationToken);

    /// <summary>Everything the target holds for the library, with digests comparable to <see cref="Prepare"/>'s.</summary>
    IAsyncEnumerable<HeldCopy> ReadHoldingsAsync(LibraryTarget library, CancellationToken cancellationToken);
}
