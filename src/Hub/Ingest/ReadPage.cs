using Lsb.Hub.Adapters.Changes;

namespace Lsb.Hub.Ingest;

/// <summary>A page the poller read and translated, on its way to the inline apply (<see cref="InlinePageApplier"/>).</summary>
/// <param name="InstallationId">The installation.</param>
/// <param name="Changes">The raw changes, oldest first.</param>
/// <param name="Translation">The changes translated with the installation's adapter.</param>
/// <param name="NextCursor">The read position after the page, saved with it.</param>
/// <param name="CorrelationId">The poll's correlation id, carried into the log and onto any message sent for the page.</param>
public sealed record ReadPage(string InstallationId, IReadOnlyList<VendorChange> Changes, PageTranslation Translation, string NextCursor, string CorrelationId);
