using Lsb.Hub.Adapters.Changes;

namespace Lsb.Hub.Ingest;

/// <summary>
/// A page of raw changes read from one installation, on its way to the canonical store. One page is one message
/// and one transaction. Changes that cannot be translated are split off as <see cref="IngestChange"/> messages so
/// each fails (and is replayed) on its own while the rest of the page goes through.
/// </summary>
/// <param name="InstallationId">The installation.</param>
/// <param name="Changes">The raw changes, oldest first.</param>
public sealed record IngestChangePage(string InstallationId, IReadOnlyList<VendorChange> Changes);
