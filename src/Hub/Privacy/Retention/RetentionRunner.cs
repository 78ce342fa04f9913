using System.Data.Common;
using System.Globalization;
using Lsb.Hub.CustomerView;
using Lsb.Hub.CustomerView.Consent;
using Lsb.Hub.Storage;
using Microsoft.Extensions.Options;

namespace Lsb.Hub.Privacy.Retention;

/// <summary>
/// One retention run: every ended loan that ended before the cut-off (now minus the history period) and is not yet
/// decided is either pseudonymised — its member becomes a <see cref="MemberPseudonym"/> in the loans table and in its
/// loan events in the log — or, when the person's effective keep-history consent is an opt-in, marked kept. Works in
/// chunks, each one transaction with the watermark and the run report, so a hub stopped mid-run loses nothing and the
/// next run resumes; a loan is decided once. Also deletes e-book events that waited too long for a member.
/// </summary>
public sealed class RetentionRunner(HubDatabase database, PrivacyKeys keys, IOptions<RetentionOptions> options, TimeProvider time,
    ILogger<RetentionRunner> logger) : IDisposable
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private bool _recovered;

    /// <summary>Raised after each chunk commits, with the chunk's number in the run (tests stop a run there).</summary>
    internal event Action<int>? ChunkCommitted;

    /// <summary>Runs now (waits for a run in progress on this node to end first).</summary>
    public async Task<RetentionRun> RunAsync(string triggeredBy, CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            return await RunOnceAsync(triggeredBy, cancellationToken);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>The most recent runs, newest first.</summary>
    public async Task<IReadOnlyList<RetentionRun>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadRunsAsync(connection, "SELECT * FROM retention_runs ORDER BY started_at DESC, id DESC LIMIT @limit", cancellationToken, ("limit", limit));
    }

    /// <summary>One run, or null.</summary>
    public async Task<RetentionRun?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await ReadRunsAsync(connection, "SELECT * FROM retention_runs WHERE id = @id", cancellationToken, ("id", id))).FirstOrDefault();
    }

    /// <inheritdoc />
    public void Dispose() => _oneAtATime.Dispose();

    private async Task<RetentionRun> RunOnceAsync(string triggeredBy, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var pseudonym = new MemberPseudonym(await keys.ForAsync(PrivacyPurpose.LoanHistoryPseudonym, cancellationToken));
        var started = time.GetUtcNow();
        var cutoff = Iso(started - settings.HistoryPeriod);
        var runId = "ret-" + Guid.CreateVersion7().ToString("N");
        string? lastEnded, lastId;
        await using (var connection = await database.OpenAsync(cancellationToken))
        await using (var transaction = await HubDatabase.BeginWriteAsync(connection, cancellationToken))
        {
            if (!_recovered)
            {
                // A run still 'Running' when this process starts was cut off by a stop or crash; this run resumes its work.
                await Run(connection, transaction, "UPDATE retention_runs SET status = 'Interrupted' WHERE status = 'Running'", cancellationToken);
                _recovered = true;
            }
            (lastEnded, lastId) = await WatermarkAsync(connection, transaction, cancellationToken);
            await Run(connection, transaction,
                "INSERT INTO retention_runs (id, started_at, finished_at, cutoff, triggered_by, status, loans_pseudonymised, loans_kept_by_consent, " +
                "log_events_rewritten, waiting_events_expired, resumed_from, error) VALUES (@id, @at, NULL, @cutoff, @by, 'Running', 0, 0, 0, 0, @resumed, NULL)",
                cancellationToken, ("id", runId), ("at", Iso(started)), ("cutoff", cutoff), ("by", triggeredBy),
                ("resumed", lastEnded is null ? null : $"{lastEnded} {lastId}"));
            await transaction.CommitAsync(cancellationToken);
        }
        try
        {
            var chunks = 0;
            while (await ChunkAsync(runId, cutoff, pseudonym, settings.ChunkSize, lastEnded ?? "", lastId ?? "", cancellationToken) is { } next)
            {
                (lastEnded, lastId) = next;
                ChunkCommitted?.Invoke(++chunks);
            }
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = await HubDatabase.BeginWriteAsync(connection, cancellationToken);
            var expired = await Run(connection, transaction,
                "DELETE FROM digital_loan_events WHERE loan_key IS NOT NULL AND received_at < @expiry", cancellationToken,
                ("expiry", Iso(started - settings.WaitingEventExpiry)));
            await Run(connection, transaction,
                "UPDATE retention_watermark SET pass_cutoff = NULL, last_ended_at = NULL, last_loan_id = NULL, updated_at = @at WHERE id = 1",
                cancellationToken, ("at", Iso(time.GetUtcNow())));
            await Run(connection, transaction,
                "UPDATE retention_runs SET status = 'Completed', finished_at = @at, waiting_events_expired = @expired WHERE id = @id",
                cancellationToken, ("at", Iso(time.GetUtcNow())), ("expired", expired), ("id", runId));
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Retention run {RunId} failed; the next run resumes from its watermark", runId);
            await using var connection = await database.OpenAsync(CancellationToken.None);
            await Run(connection, null, "UPDATE retention_runs SET status = 'Failed', finished_at = @at, error = @error WHERE id = @id",
                CancellationToken.None, ("at", Iso(time.GetUtcNow())), ("error", e.GetType().Name + ": " + e.Message), ("id", runId));
        }
        return (await GetAsync(runId, CancellationToken.None))!;
    }

    // One chunk in one transaction: decide the loans, rewrite their log events, move the watermark, count in the report.
    private async Task<(string, string)?> ChunkAsync(string runId, string cutoff, MemberPseudonym pseudonym, int size, string lastEnded, string lastId,
        CancellationToken cancellationToken)
    {
        var dialect = database.Dialect;
        var now = Iso(time.GetUtcNow());
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await HubDatabase.BeginWriteAsync(connection, cancellationToken);
        await LogHeadLock.TakeAsync(connection, transaction, dialect, cancellationToken);
        var due = new List<(string LoanId, string MemberId, string EndedAt)>();
        await using (var select = SqlCommands.Create(connection, transaction,
            "SELECT id, member_id, ended_at FROM loans WHERE ended_at IS NOT NULL AND pseudonymised_at IS NULL AND retention_kept_at IS NULL " +
            "AND ended_at < @cutoff AND (ended_at > @lastEnded OR (ended_at = @lastEnded AND id > @lastId)) ORDER BY ended_at, id LIMIT @size",
            ("cutoff", cutoff), ("lastEnded", lastEnded), ("lastId", lastId), ("size", size)))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) due.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        if (due.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return null;
        }
        var keeping = await KeepingMembersAsync(connection, transaction, dialect, [.. due.Select(d => d.MemberId).Distinct(StringComparer.Ordinal)], cancellationToken);
        long kept = 0, pseudonymised = 0, rewritten = 0;
        await using (var keep = new RowBatch(connection, transaction, "UPDATE loans SET retention_kept_at = @at WHERE id = @id", "at", "id"))
        await using (var loan = new RowBatch(connection, transaction,
            "UPDATE loans SET member_id = @pseudonym, pseudonymised_at = @at, external_key = NULL WHERE id = @id", "pseudonym", "at", "id"))
        await using (var log = SqlCommands.Create(connection, transaction,
            "UPDATE event_log SET payload = REPLACE(payload, @member, @pseudonym) WHERE subject_id = @loan", ("member", ""), ("pseudonym", ""), ("loan", "")))
        {
            foreach (var (loanId, memberId, _) in due)
            {
                if (keeping.Contains(memberId))
                {
                    await keep.AddAsync([now, loanId], cancellationToken);
                    kept++;
                    continue;
                }
                var alias = pseudonym.For(memberId);
                await loan.AddAsync([alias, now, loanId], cancellationToken);
                log.Parameters[0].Value = memberId;
                log.Parameters[1].Value = alias;
                log.Parameters[2].Value = loanId;
                rewritten += await log.ExecuteNonQueryAsync(cancellationToken);
                pseudonymised++;
            }
            await keep.FlushAsync(cancellationToken);
            await loan.FlushAsync(cancellationToken);
        }
        var last = due[^1];
        await Run(connection, transaction,
            "UPDATE retention_watermark SET pass_cutoff = @cutoff, last_ended_at = @ended, last_loan_id = @id, updated_at = @at WHERE id = 1",
            cancellationToken, ("cutoff", cutoff), ("ended", last.EndedAt), ("id", last.LoanId), ("at", now));
        await Run(connection, transaction,
            "UPDATE retention_runs SET loans_pseudonymised = loans_pseudonymised + @p, loans_kept_by_consent = loans_kept_by_consent + @k, " +
            "log_events_rewritten = log_events_rewritten + @r WHERE id = @run", cancellationToken,
            ("p", pseudonymised), ("k", kept), ("r", rewritten), ("run", runId));
        await transaction.CommitAsync(cancellationToken);
        return (last.EndedAt, last.LoanId);
    }

    // The members (of the chunk) whose person's effective keep-history decision is an opt-in.
    private static async Task<HashSet<string>> KeepingMembersAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect,
        IReadOnlyCollection<string> memberIds, CancellationToken cancellationToken)
    {
        var personOf = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var links = SqlCommands.Create(connection, transaction,
            "SELECT mp.member_id, mp.person_id, other.member_id FROM member_persons mp JOIN member_persons other ON other.person_id = mp.person_id " +
            "WHERE " + dialect.InList("mp.member_id", "@members")))
        {
            dialect.AddList(links, "@members", memberIds);
            await using var reader = await links.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                personOf[reader.GetString(0)] = reader.GetString(1);
                personOf[reader.GetString(2)] = reader.GetString(1);
            }
        }
        var everyone = personOf.Keys.Concat(memberIds).ToHashSet(StringComparer.Ordinal);
        var decisions = await ConsentStore.CurrentAsync(connection, transaction, dialect, everyone, cancellationToken);
        var keeping = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in decisions.Where(d => d.Purpose == ConsentPurpose.KeepLoanHistory)
            .GroupBy(d => personOf.TryGetValue(d.MemberId, out var p) ? p : d.MemberId, StringComparer.Ordinal))
        {
            if (ConsentStore.Effective(group, ConsentPurpose.KeepLoanHistory)?.Granted != true) continue;
            foreach (var member in memberIds)
                if ((personOf.TryGetValue(member, out var p) ? p : member) == group.Key) keeping.Add(member);
        }
        return keeping;
    }

    private static async Task<(string?, string?)> WatermarkAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(connection, transaction, "SELECT last_ended_at, last_loan_id FROM retention_watermark WHERE id = 1");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (SqlCommands.Text(reader, 0), SqlCommands.Text(reader, 1)) : (null, null);
    }

    private static async Task<List<RetentionRun>> ReadRunsAsync(DbConnection connection, string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        var runs = new List<RetentionRun>();
        await using var command = SqlCommands.Create(connection, null, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            long Long(string column) => Convert.ToInt64(reader[column], CultureInfo.InvariantCulture);
            runs.Add(new RetentionRun((string)reader["id"], Time((string)reader["started_at"]),
                reader["finished_at"] is string f ? Time(f) : null, Time((string)reader["cutoff"]), (string)reader["triggered_by"],
                (string)reader["status"], Long("loans_pseudonymised"), Long("loans_kept_by_consent"), Long("log_events_rewritten"),
                Long("waiting_events_expired"), reader["resumed_from"] as string, reader["error"] as string));
        }
        return runs;
    }

    private static async Task<int> Run(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = SqlCommands.Create(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Iso(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}
