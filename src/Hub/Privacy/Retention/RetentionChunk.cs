using System.Data.Common;
using System.Globalization;
using Lsb.Hub.CustomerView;
using Lsb.Hub.CustomerView.Consent;
using Lsb.Hub.Storage;

namespace Lsb.Hub.Privacy.Retention;

/// <summary>
/// One chunk of a retention run, in one transaction: the next due loans after the watermark are pseudonymised (loans
/// table and their events in the log) or marked kept by consent; the watermark moves and the run's counts grow in the
/// same transaction, so a stop between chunks loses nothing and decides nothing twice.
/// </summary>
public static class RetentionChunk
{
    /// <summary>Decides the next chunk after the watermark; returns the new watermark, or null when nothing is due.</summary>
    public static async Task<(string, string)?> DecideAsync(HubDatabase database, TimeProvider time, string runId, string cutoff, MemberPseudonym pseudonym, int size, string lastEnded, string lastId,
        CancellationToken cancellationToken)
    {
        var dialect = database.Dialect;
        var now = Iso(time.GetUtcNow());
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await HubDatabase.BeginWriteAsync(connection, cancellationToken);
        // No log-head lock: retention appends nothing, and holding that lock while updating loans rows could deadlock
        // with an ingest page that upserts one of them and then waits for the head. Each update is a single statement.
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
            "UPDATE loans SET member_id = @pseudonym, pseudonymised_at = @at, external_key = NULL WHERE id = @id AND pseudonymised_at IS NULL", "pseudonym", "at", "id"))
        await using (var log = SqlCommands.Create(connection, transaction,
            "UPDATE event_log SET payload = REPLACE(payload, @member, @pseudonym) " +
            // The partial index event_log_loan_subject's own condition (075_event_log_loan_subjects.sql), word for word.
            "WHERE (event_type = 'LoanStarted' OR event_type = 'LoanRenewed' OR event_type = 'LoanEnded') AND subject_id = @loan", ("member", ""), ("pseudonym", ""), ("loan", "")))
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

    private static async Task<int> Run(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = SqlCommands.Create(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Iso(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
