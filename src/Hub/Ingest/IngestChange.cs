using Lsb.Hub.Adapters.Changes;

namespace Lsb.Hub.Ingest;

/// <summary>
/// One raw change that failed translation within its page. Handled alone; it fails with the adapter's error (e.g.
/// an unmapped vendor code naming the mapping file) and lands in the failed-message store, to be replayed once the
/// cause is fixed. Replaying it after it succeeded changes nothing (version check).
/// </summary>
/// <param name="InstallationId">The installation.</param>
/// <param name="Change">The raw change.</param>
public sealed record IngestChange(string InstallationId, VendorChange Change);
