using Lsb.Hub.Canonical.Identity;
using System.Data.Common;
using Lsb.Hub.CustomerView;
using Lsb.Hub.CustomerView.Persons;
using Lsb.Hub.DigitalLoans;
using Lsb.Hub.EventLog;
using Lsb.Hub.Privacy.Retention;
using Lsb.Hub.Storage;
using Microsoft.Data.Sqlite;

namespace Lsb.Hub.Privacy.Erasure;

/// <summary>
/// Erases a person on request: every linked membership (in every library and installation), from every hub store.
/// Order: stored messages first (while the identifiers can still be read), then the state in one transaction with the
/// tombstone events in the log, then stored messages again (a page queued meanwhile). Idempotent: asking again — by
/// any of the person's member ids — answers with the first erasure. Audited with who and when, NEVER with the data.
/// </summary>
public sealed class ErasureService(HubDatabase database, PrivacyKeys keys, StoredMessageScrubber scrubber, ErasureAudit audit, TimeProvider time,
    EventLogSignal signal, ILogger<ErasureService> logger)
{
    /// <summary>Erases the person of <paramref name="customer"/>, or returns the earlier erasure.</summary>
    public async Task<ErasureReport> EraseAsync(Customer customer, string requestedBy, string? correlationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        if (await audit.FindAsync(customer.MemberId, cancellationToken) is { } earlier) return earlier with { AlreadyErased = true };
        var matchKeys = new MatchKeys(await keys.ForAsync(PrivacyPurpose.DigitalLoanMatch, cancellationToken));
        var pseudonym = new MemberPseudonym(await keys.ForAsync(PrivacyPurpose.LoanHistoryPseudonym, cancellationToken));
        var erasureId = "era-" + Uuid7.New().ToString("N");
        var now = time.GetUtcNow();

        var memberships = await MembershipsAsync(customer, cancellationToken);
        var person = new PersonIdentifiers(
            [.. memberships.Select(m => m.CardNumber).OfType<string>()],
            [.. memberships.Select(m => m.NationalUserId).OfType<string>()],
            [.. memberships.Select(m => m.Email).OfType<string>()]);
        var before = await scrubber.ScrubAsync(person, cancellationToken);

        long last;
        StateEraser.Outcome outcome;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            await SecureDeleteAsync(connection, true, cancellationToken);
            await using (var transaction = await HubDatabase.BeginWriteAsync(connection, cancellationToken))
            {
                await LockIdMapAsync(connection, transaction, memberships, cancellationToken);
                await LogHeadLock.TakeAsync(connection, transaction, database.Dialect, cancellationToken);
                await using (var check = SqlCommands.Create(connection, transaction, "SELECT erasure_id FROM erased_members WHERE member_id = @m", ("m", customer.MemberId)))
                {
                    // A second request for the same person that raced this one: it committed first; answer with its erasure.
                    if (await check.ExecuteScalarAsync(cancellationToken) is string)
                    {
                        await transaction.RollbackAsync(cancellationToken);
                        return (await audit.FindAsync(customer.MemberId, cancellationToken))! with { AlreadyErased = true };
                    }
                }
                outcome = await StateEraser.EraseAsync(connection, transaction, database.Dialect, memberships, matchKeys, pseudonym, erasureId, now, cancellationToken);
                last = await EventLogWriter.AppendAsync(connection, transaction, outcome.Tombstones, correlationId, now, cancellationToken);
                await Run(connection, transaction,
                    "INSERT INTO erasures (id, member_id, requested_by, requested_at, completed_at, memberships, loans_removed, waiting_events_removed, " +
                    "consent_records_removed, messages_scrubbed, messages_removed, last_position) VALUES (@id, @m, @by, @at, NULL, @n, @loans, @waiting, @consent, " +
                    "@scrubbed, @removed, @last)", cancellationToken,
                    ("id", erasureId), ("m", customer.MemberId), ("by", requestedBy), ("at", now.ToUniversalTime().ToString("O")), ("n", memberships.Count),
                    ("loans", outcome.LoansRemoved), ("waiting", outcome.WaitingEventsRemoved), ("consent", outcome.ConsentRecordsRemoved),
                    ("scrubbed", before.Rewritten), ("removed", before.Removed), ("last", last));
                foreach (var m in memberships)
                    await Run(connection, transaction, "INSERT INTO erased_members (member_id, erasure_id) VALUES (@m, @e)", cancellationToken, ("m", m.MemberId), ("e", erasureId));
                await transaction.CommitAsync(cancellationToken);
            }
            await SecureDeleteAsync(connection, false, cancellationToken);
        }
        signal.Notify(last);

        var after = await scrubber.ScrubAsync(person, cancellationToken);
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            await Run(connection, null,
                "UPDATE erasures SET completed_at = @at, messages_scrubbed = messages_scrubbed + @scrubbed, messages_removed = messages_removed + @removed WHERE id = @id",
                cancellationToken, ("at", time.GetUtcNow().ToUniversalTime().ToString("O")), ("scrubbed", after.Rewritten), ("removed", after.Removed), ("id", erasureId));
        }
        logger.LogInformation("Erasure {ErasureId} requested by {RequestedBy}: {Memberships} memberships, {Loans} loans, {Messages} stored messages changed",
            erasureId, requestedBy, memberships.Count, outcome.LoansRemoved, before.Rewritten + before.Removed + after.Rewritten + after.Removed);
        return (await audit.FindAsync(customer.MemberId, cancellationToken))!;
    }

    private async Task<List<ErasedMembership>> MembershipsAsync(Customer customer, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var ids = customer.PersonId is null
            ? [customer.MemberId]
            : await PersonMemberships.OfPersonAsync(connection, null, customer.PersonId, cancellationToken);
        if (!ids.Contains(customer.MemberId, StringComparer.Ordinal)) ids.Add(customer.MemberId);
        var memberships = new List<ErasedMembership>();
        await using var command = SqlCommands.Create(connection, null,
            "SELECT id, home_isil, card_number, national_user_id, email FROM members WHERE erased_at IS NULL AND " + database.Dialect.InList("id", "@ids"));
        database.Dialect.AddList(command, "@ids", ids);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            memberships.Add(new ErasedMembership(reader.GetString(0), reader.GetString(1), SqlCommands.Text(reader, 2), SqlCommands.Text(reader, 3),
                SqlCommands.Text(reader, 4)));
        }
        return memberships;
    }

    // PostgreSQL: lock the members' id-map rows first, in the order ingest locks them (installation, local id), and only
    // then the log head — the order an ingest page takes them in — so an erasure and a page of the same member wait
    // for each other instead of deadlocking.
    private async Task LockIdMapAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<ErasedMembership> memberships,
        CancellationToken cancellationToken)
    {
        if (!database.Dialect.IsPostgres) return;
        await using var command = SqlCommands.Create(connection, transaction,
            "SELECT local_id FROM id_map WHERE entity = 'member' AND " + database.Dialect.InList("canonical_id", "@ids") +
            " ORDER BY installation_id, local_id FOR UPDATE");
        database.Dialect.AddList(command, "@ids", [.. memberships.Select(m => m.MemberId)]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) { }
    }

    private static async Task SecureDeleteAsync(DbConnection connection, bool on, CancellationToken cancellationToken)
    {
        if (connection is not SqliteConnection) return;
        // Deleted and overwritten cells are zeroed rather than left in free pages; the checkpoint clears the old page images from the WAL.
        await Run(connection, null, on ? "PRAGMA secure_delete = ON" : "PRAGMA secure_delete = OFF; PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
    }

    private static async Task Run(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = SqlCommands.Create(connection, transaction, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
