using Lsb.Hub.Canonical.Events;
using Lsb.Hub.Ingest.State;
using Lsb.Hub.Storage;

namespace Lsb.Hub.Ingest;

/// <summary>
/// A reader of the event log (a projection with its own checkpoint) that keeps up inside the page's own transaction
/// when it has read everything before the page: it then needs neither to read the page's events back nor to wait for
/// the write lock afterwards. Called by <see cref="CanonicalIngest"/> after every event of the page is appended. When
/// the follower is behind, it does nothing here and reads the page from the log later, as usual. See docs/ingest.md.
/// </summary>
public interface IIngestLogFollower
{
    /// <summary>Follows <paramref name="page"/>; MUST use only its connection and transaction, and MUST NOT wait on
    /// anything that waits for the write lock (the page holds it).</summary>
    Task FollowAsync(AppendedPage page, CancellationToken cancellationToken);
}

/// <summary>What one ingest transaction appended to the log.</summary>
/// <param name="Connection">The page's connection.</param>
/// <param name="Transaction">The page's open transaction.</param>
/// <param name="Dialect">SQL differences of the provider.</param>
/// <param name="Before">The log position just before the page's first event.</param>
/// <param name="Events">The page's events in log order: <c>Events[i]</c> is at position <c>Before + 1 + i</c>.</param>
/// <param name="State">The page's members, holdings and loans as they are written (after the page).</param>
public sealed record AppendedPage(
    System.Data.Common.DbConnection Connection,
    System.Data.Common.DbTransaction Transaction,
    SqlDialect Dialect,
    long Before,
    IReadOnlyList<CanonicalEvent> Events,
    WorkingSet State)
{
    /// <summary>The position of the page's last event.</summary>
    public long Last => Before + Events.Count;
}
