using Lsb.Hub.Adapters.Changes;

namespace Lsb.Hub.Ingest;

/// <summary>
/// Where ingest hands a <see cref="ForeignCopyReturned"/>: a copy of another system taken in at a desk is returned at its
/// owner through that owner's adapter, which is a call out, not a change of the hub's state, so it happens outside the
/// page's transaction, one change at a time (<see cref="IngestChange"/>).
/// </summary>
public interface IForeignCopyReturns
{
    /// <summary>Returns the copy. MUST be idempotent per <see cref="CanonicalChange.SourceEventId"/>; MUST throw when the
    /// return did not happen, so the change is retried or lands in the failed-message store with the reason.</summary>
    Task ReturnAsync(string installationId, ForeignCopyReturned change, string? correlationId, CancellationToken cancellationToken);
}
