using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.EventLog;
using Lsb.Hub.Ingest.State;
using Lsb.Hub.Storage;

namespace Lsb.Hub.Ingest;

// Deciding the next page while this one is written (SQLite, rows kept between pages): docs/ingest.md, "Deciding the next
// page ahead".
public sealed partial class CanonicalIngest
{
    // A page's rows, events and the payload JSON being made for them: everything before its writes.
    private sealed record Decision(WorkingSet Set, ChangeApplier Applier, DateTimeOffset Now, string NowText, Task<PreparedEvent[]> Prepared);

    // The installation's next page, decided on a connection of its own while the page before it is written. It first keeps
    // the page before's rows as decided, then reads the kept rows and, for the rest, what is committed: with the page before
    // holding the write lock, that is what the page before leaves them (it touches none of them). Its decision counts
    // only if, when its turn comes, nothing else was written meanwhile (see DecisionFor).
    private sealed class PageAhead
    {
        private readonly string _installationId;
        private readonly IReadOnlyList<CanonicalChange> _changes;
        private readonly long _baseVersion, _invalidations;
        private long _dropsBefore, _dropsAfter;

        private PageAhead(string installationId, IReadOnlyList<CanonicalChange> changes, long baseVersion, long invalidations)
            => (_installationId, _changes, _baseVersion, _invalidations) = (installationId, changes, baseVersion, invalidations);

        public Task Deciding { get; private set; } = Task.CompletedTask;

        public Decision? Decision { get; private set; }

        // before: the decision of the page being written, whose rows are kept first.
        public static PageAhead Start(CanonicalIngest ingest, RowCache kept, WorkingSet before, string installationId, IReadOnlyList<CanonicalChange> changes,
            long baseVersion)
        {
            var ahead = new PageAhead(installationId, changes, baseVersion, kept.Invalidations);
            ahead.Deciding = Task.Run(() => ahead.DecideAsync(ingest, kept, before));
            return ahead;
        }

        // The decision, if it is for this page (any other page written on the ingest's connection first takes it, and drops
        // it) and still holds: the same data version on that connection (no other connection committed since the page before
        // began), the kept rows never dropped since (a failed page drops them), nothing dropped from them to make room while
        // it was decided (so it saw every row the page before kept), and no guest loans involved (their rows are read from
        // the database, where the page before had not yet written).
        public Decision? DecisionFor(string installationId, IReadOnlyList<CanonicalChange> changes, long version, RowCache kept)
            => Decision is { } decided && ReferenceEquals(changes, _changes) && installationId == _installationId && version == _baseVersion
               && kept.Invalidations == _invalidations && _dropsAfter == _dropsBefore && !decided.Set.GuestLoans.FoundAny
                ? decided
                : null;

        private async Task DecideAsync(CanonicalIngest ingest, RowCache kept, WorkingSet before)
        {
            // Kept even if deciding fails below: the page before is written on them whatever becomes of this one.
            _dropsBefore = kept.Drops;
            kept.Remember(before);
            try
            {
                await using var connection = await ingest.OpenReaderAsync();
                await using var snapshot = await HubDatabase.BeginSnapshotAsync(connection, CancellationToken.None);
                Decision = await ingest.DecideAsync(connection, snapshot, _installationId, _changes, CancellationToken.None);
                _dropsAfter = kept.Drops;
            }
            catch (Exception e)
            {
                // Not fatal: the page is decided again in its own transaction, where a failure that persists fails it.
                ingest.AheadFailed(e, _installationId);
                Decision = null;
            }
        }
    }

    private Task<System.Data.Common.DbConnection> OpenReaderAsync() => database.OpenAsync(CancellationToken.None);

    private void AheadFailed(Exception e, string installationId)
        => logger.LogDebug(e, "Deciding the next page of installation {InstallationId} ahead failed; it is decided in its own transaction", installationId);

    // The page decided ahead, once its deciding is done (it reads the kept rows, which nothing else may touch meanwhile).
    private async Task<PageAhead?> TakeAheadAsync()
    {
        var ahead = _ahead;
        _ahead = null;
        if (ahead is not null) await ahead.Deciding;
        return ahead;
    }

    private async Task DropAheadAsync()
    {
        if (await TakeAheadAsync() is { Decision: { } unused }) await ObserveAsync(unused.Prepared);
    }

    // A decision not used: its payload task still runs; wait for it so that nothing runs on unobserved.
    private async Task ObserveAsync(Task<PreparedEvent[]> prepared)
    {
        try
        {
            await prepared;
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "Making the payload JSON of a page decided ahead failed; the page was decided again");
        }
    }
}
