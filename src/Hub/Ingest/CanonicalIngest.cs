using System.Data.Common;
using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Canonical.Events;
using Lsb.Hub.EventLog;
using Lsb.Hub.Ingest.State;
using Lsb.Hub.Storage;
using Microsoft.Extensions.Options;

namespace Lsb.Hub.Ingest;

/// <summary>
/// Applies translated changes of one installation to the hub's state and appends the resulting canonical events
/// to the log, all in ONE transaction: state and log never disagree, and a crash leaves either all or nothing.
/// On SQLite every page is written on one connection of its own, one page at a time (SQLite has one writer anyway), and
/// the rows pages touch are kept between pages while no other connection commits (<see cref="RowCache"/>).
/// </summary>
public sealed partial class CanonicalIngest(HubDatabase database, TimeProvider time, EventLogSignal signal, IEnumerable<IIngestParticipant> participants,
    IGuestLoanSource guestLoans, IEnumerable<IIngestLogFollower> followers, IOptions<IngestOptions> options, ILogger<CanonicalIngest> logger)
    : IAsyncDisposable
{
    private readonly IIngestParticipant[] _participants = [.. participants];
    private readonly IIngestLogFollower[] _followers = [.. followers];
    private readonly RowCache? _kept = database.Dialect.IsPostgres || options.Value.RowCacheSize == 0 ? null : new RowCache(options.Value.RowCacheSize);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DbConnection? _writer;
    private PageAhead? _ahead;
    private long _decidedAhead, _decidedAgain;

    /// <summary>The rows kept between pages (SQLite, unless <see cref="IngestOptions.RowCacheSize"/> is 0), for its figures.</summary>
    public RowCache? Kept => _kept;

    /// <summary>Applies <paramref name="changes"/> (oldest first) for <paramref name="installationId"/>.</summary>
    public Task<IngestOutcome> ApplyAsync(string installationId, IReadOnlyList<CanonicalChange> changes, string? correlationId, CancellationToken cancellationToken)
        => ApplyAsync(installationId, changes, correlationId, null, cancellationToken);

    /// <summary>Applies <paramref name="changes"/> (oldest first) for <paramref name="installationId"/>, and runs
    /// <paramref name="beforeCommit"/> in the same transaction with what they did (the inline ingest saves the cursor
    /// of the page there, so a page is applied and its read position moved on together or not at all).</summary>
    public Task<IngestOutcome> ApplyAsync(string installationId, IReadOnlyList<CanonicalChange> changes, string? correlationId,
        Func<IngestOutcome, DbConnection, DbTransaction, CancellationToken, Task>? beforeCommit, CancellationToken cancellationToken)
        => ApplyAsync(installationId, changes, correlationId, beforeCommit, null, cancellationToken);

    /// <summary>As above; <paramref name="next"/> is the installation's next page if it has been read already. On SQLite it
    /// is then decided while this page is written, and applied as decided if nothing but this page was written in between
    /// (docs/ingest.md, "Deciding the next page ahead").</summary>
    public async Task<IngestOutcome> ApplyAsync(string installationId, IReadOnlyList<CanonicalChange> changes, string? correlationId,
        Func<IngestOutcome, DbConnection, DbTransaction, CancellationToken, Task>? beforeCommit, IReadOnlyList<CanonicalChange>? next,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0 && beforeCommit is null) return new IngestOutcome(0, 0, 0, 0);
        if (_kept is null)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = await HubDatabase.BeginWriteAsync(connection, cancellationToken);
            var decision = await DecideAsync(connection, transaction, installationId, changes, cancellationToken);
            return await WriteAsync(connection, transaction, installationId, changes, decision, correlationId, beforeCommit, cancellationToken);
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_writer is null)
            {
                // Data versions count per connection: what was kept under another connection's cannot be checked on this one.
                await DropAheadAsync();
                _kept.Clear();
                _writer = await database.OpenAsync(cancellationToken);
            }
            return await ApplyOnWriterAsync(_writer, _kept, installationId, changes, correlationId, beforeCommit, next, cancellationToken);
        }
        catch (Exception)
        {
            // The failed page's rows were kept as decided, and never stored: forget all (once a page decided ahead on them
            // is done), and start the next page on a fresh connection.
            await DropAheadAsync();
            _kept.Clear();
            if (_writer is not null) await _writer.DisposeAsync();
            _writer = null;
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Closes the ingest's own connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            await DropAheadAsync();
            if (_writer is not null) await _writer.DisposeAsync();
            _writer = null;
        }
        finally
        {
            _gate.Release();
        }
    }

    // SQLite, one page at a time on the ingest's own connection, with the rows kept between pages.
    private async Task<IngestOutcome> ApplyOnWriterAsync(DbConnection connection, RowCache kept, string installationId, IReadOnlyList<CanonicalChange> changes,
        string? correlationId, Func<IngestOutcome, DbConnection, DbTransaction, CancellationToken, Task>? beforeCommit,
        IReadOnlyList<CanonicalChange>? next, CancellationToken cancellationToken)
    {
        await using var transaction = await HubDatabase.BeginWriteAsync(connection, cancellationToken);
        // Holding the write lock, this connection sees the last commit; a data version other than the one the kept rows
        // were stored under means another connection committed since, and they are dropped.
        var version = await DataVersionAsync(connection, transaction, cancellationToken);
        var ahead = await TakeAheadAsync();
        kept.Validate(version);
        var decision = ahead?.DecisionFor(installationId, changes, version, kept)
            ?? await DecideAsync(connection, transaction, installationId, changes, cancellationToken);
        if (ahead is not null && ReferenceEquals(ahead.Decision, decision)) _decidedAhead++;
        else if (ahead is not null)
        {
            _decidedAgain++;
            if (ahead.Decision is { } unused) await ObserveAsync(unused.Prepared);
        }
        // Kept as decided: the next page, decided while this one is written, builds on it. Should this page fail, everything
        // kept is dropped. With a next page to decide, its look-ahead keeps them first, off this page's path (nothing else
        // touches the kept rows until it is done: see TakeAheadAsync).
        if (next is { Count: > 0 } && decision.Set.GuestLoans is { Recorded.Count: 0, Ended.Count: 0 })
            _ahead = PageAhead.Start(this, kept, decision.Set, installationId, next, version);
        else kept.Remember(decision.Set);
        return await WriteAsync(connection, transaction, installationId, changes, decision, correlationId, beforeCommit, cancellationToken);
    }

    /// <summary>Pages decided ahead and applied as decided, and decided again (something else was written in between),
    /// since the process started.</summary>
    public (long Applied, long DecidedAgain) DecidedAhead => (_decidedAhead, _decidedAgain);

    // Reads what the page touches, decides its events and starts making their payload JSON.
    private async Task<Decision> DecideAsync(DbConnection connection, DbTransaction transaction, string installationId, IReadOnlyList<CanonicalChange> changes,
        CancellationToken cancellationToken)
    {
        var set = await WorkingSet.LoadAsync(connection, transaction, database.Dialect, installationId, changes, cancellationToken, database.OpenAsync, _kept);
        await LoadGuestLoansAsync(connection, transaction, set, changes, cancellationToken);
        var now = time.GetUtcNow();
        var nowText = now.ToUniversalTime().ToString("O");
        var applier = new ChangeApplier(set, nowText);
        foreach (var change in changes) applier.Apply(change);
        // The events' payload JSON is made on another thread while the state rows are written.
        var prepared = Task.Run(() => EventLogWriter.Prepare(applier.Events), cancellationToken);
        return new Decision(set, applier, now, nowText, prepared);
    }

    private async Task<IngestOutcome> WriteAsync(DbConnection connection, DbTransaction transaction, string installationId, IReadOnlyList<CanonicalChange> changes,
        Decision decision, string? correlationId, Func<IngestOutcome, DbConnection, DbTransaction, CancellationToken, Task>? beforeCommit,
        CancellationToken cancellationToken)
    {
        var (set, applier, now, nowText, prepared) = decision;
        await StateWriter.WriteAsync(connection, transaction, set, nowText, cancellationToken);
        await guestLoans.WriteAsync(connection, transaction, installationId, set.GuestLoans, nowText, cancellationToken);
        var last = await EventLogWriter.AppendAsync(connection, transaction, await prepared, correlationId, now, cancellationToken);
        IReadOnlyList<CanonicalEvent> appended = applier.Events;
        if (_participants.Length > 0)
        {
            var participation = new IngestParticipation(connection, transaction, database.Dialect, installationId, applier.AppliedMembers, now);
            foreach (var participant in _participants)
            {
                var more = await participant.ApplyAsync(participation, cancellationToken);
                if (more.Count == 0) continue;
                last = await EventLogWriter.AppendAsync(connection, transaction, more, correlationId, now, cancellationToken);
                appended = [.. appended, .. more];
            }
        }
        var events = appended.Count;
        if (events > 0 && _followers.Length > 0)
            await FollowAsync(new AppendedPage(connection, transaction, database.Dialect, last - events, appended, set), cancellationToken);
        var outcome = new IngestOutcome(changes.Count, applier.Skipped, events, last) { Unattributed = applier.Unattributed };
        if (beforeCommit is not null) await beforeCommit(outcome, connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (last > 0) signal.Notify(last);
        return outcome;
    }

    // SQLite's count of commits by OTHER connections, as this connection sees it (https://sqlite.org/pragma.html#pragma_data_version).
    private static async Task<long> DataVersionAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA data_version";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    // Each follower in a savepoint: one that fails is rolled back and reads the page from the log later (where its own
    // service reports a failure that persists); the page itself is applied all the same.
    private async Task FollowAsync(AppendedPage page, CancellationToken cancellationToken)
    {
        foreach (var follower in _followers)
        {
            await page.Transaction.SaveAsync("follow", cancellationToken);
            try
            {
                await follower.FollowAsync(page, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await page.Transaction.RollbackAsync("follow", cancellationToken);
                logger.LogWarning(e, "{Follower} could not follow the page at log positions {First}–{Last} in its transaction; it reads them from the log instead",
                    follower.GetType().Name, page.Before + 1, page.Last);
            }
            await page.Transaction.ReleaseAsync("follow", cancellationToken);
        }
    }

    // The guest loans of the copies the page's loan changes are about and of the loans they name; the members of the cards noted.
    private async Task LoadGuestLoansAsync(DbConnection connection, DbTransaction transaction, WorkingSet set, IReadOnlyList<CanonicalChange> changes,
        CancellationToken cancellationToken)
    {
        var loans = changes.OfType<LoanSnapshot>().ToList();
        if (loans.Count == 0) return;
        var holdingIds = loans.Select(l => set.Holdings.GetValueOrDefault(l.HoldingLocalId)?.CanonicalId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var loanIds = loans.Select(l => set.Loans.GetValueOrDefault(l.LocalId)?.CanonicalId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var cards = loans.Select(l => l.GuestCardNumber).OfType<string>().ToHashSet(StringComparer.Ordinal);
        set.GuestLoans = await guestLoans.LoadAsync(connection, transaction, database.Dialect, set.InstallationId, holdingIds, loanIds, cards, cancellationToken);
    }
}
