using System.Data.Common;
using System.Globalization;
using Lsb.Hub.Canonical.Loans;
using Lsb.Hub.CustomerView;
using Lsb.Hub.Ingest.State;
using Lsb.Hub.Storage;

namespace Lsb.Hub.DigitalLoans;

/// <summary>Reads and writes the rows of the digital loan intake: <c>digital_loan_events</c> and the digital loans.</summary>
public static class DigitalLoanStore
{
    private const string LoanUpsertSql =
        "INSERT INTO loans (id, kind, member_id, holding_id, isil, installation_id, ebook_isbn, title, started_at, due_at, ended_at, renewals, " +
        "source_version, content_hash, updated_at, external_key) VALUES (@id, @kind, @member, NULL, @isil, NULL, @isbn, @title, @started, @due, @ended, " +
        "@renewals, @version, @hash, @updated, @key) ON CONFLICT (id) DO UPDATE SET due_at = excluded.due_at, ended_at = excluded.ended_at, " +
        "renewals = excluded.renewals, source_version = excluded.source_version, content_hash = excluded.content_hash, updated_at = excluded.updated_at";

    private const string InsertEventSql =
        "INSERT INTO digital_loan_events (event_id, content_hash, event_type, state, received_at, settled_at, loan_key, member_key, national_key, " +
        "home_isil, isbn, title, occurred_at, started_at, due_at, ended_at) VALUES (@id, @hash, @type, @state, @received, @settled, @loan, @member, " +
        "@national, @isil, @isbn, @title, @occurred, @started, @due, @ended)";

    // A settled event keeps only what idempotency needs: its id, content hash, type and state.
    private const string SettleEventSql =
        "UPDATE digital_loan_events SET state = @state, settled_at = @settled, loan_key = NULL, member_key = NULL, national_key = NULL, " +
        "home_isil = NULL, isbn = NULL, title = NULL, occurred_at = NULL, started_at = NULL, due_at = NULL, ended_at = NULL WHERE event_id = @id";

    private const string WaitEventSql = "UPDATE digital_loan_events SET state = @state WHERE event_id = @id";

    /// <summary>Writes the intake rows (new ones inserted, waiting ones settled or re-stated) and the changed loans.</summary>
    public static async Task WriteAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<IntakeEvent> events,
        Dictionary<string, IntakeState> storedBefore, IEnumerable<DigitalLoanRow> loans, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stamp = Iso(now);
        await using (var insert = new RowBatch(connection, transaction, InsertEventSql,
            "id", "hash", "type", "state", "received", "settled", "loan", "member", "national", "isil", "isbn", "title", "occurred", "started", "due", "ended"))
        {
            foreach (var e in events.Where(e => e.IsNew))
            {
                var waiting = e.State is IntakeState.WaitingForMember or IntakeState.WaitingForStart;
                await insert.AddAsync(waiting
                    ? [e.EventId, e.ContentHash, e.Type.ToString(), e.State.ToString(), stamp, null, e.LoanKey, e.MemberKey, e.NationalKey,
                        e.HomeIsil, e.Isbn, e.Title, Iso(e.OccurredAt), Iso(e.StartedAt), Iso(e.DueAt), Iso(e.EndedAt)]
                    : [e.EventId, e.ContentHash, e.Type.ToString(), e.State.ToString(), stamp, stamp, null, null, null,
                        null, null, null, null, null, null, null], cancellationToken);
            }
            await insert.FlushAsync(cancellationToken);
        }
        await using (var settle = new RowBatch(connection, transaction, SettleEventSql, "state", "settled", "id"))
        await using (var wait = new RowBatch(connection, transaction, WaitEventSql, "state", "id"))
        {
            foreach (var e in events.Where(e => !e.IsNew && storedBefore[e.EventId] != e.State))
            {
                if (e.State is IntakeState.Applied or IntakeState.Ignored) await settle.AddAsync([e.State.ToString(), stamp, e.EventId], cancellationToken);
                else await wait.AddAsync([e.State.ToString(), e.EventId], cancellationToken);
            }
            await settle.FlushAsync(cancellationToken);
            await wait.FlushAsync(cancellationToken);
        }
        await using var upsert = new RowBatch(connection, transaction, LoanUpsertSql,
            "id", "kind", "member", "isil", "isbn", "title", "started", "due", "ended", "renewals", "version", "hash", "updated", "key");
        foreach (var loan in loans.Where(l => l.Dirty))
        {
            var hash = new LoanRow
            {
                Id = loan.Id, Kind = nameof(LoanKind.Digital), MemberId = loan.MemberId, Isil = loan.Isil, EbookIsbn = loan.EbookIsbn, Title = loan.Title,
                StartedAt = loan.StartedAt, DueAt = loan.DueAt, EndedAt = loan.EndedAt, Renewals = loan.Renewals,
            }.WithHash().ContentHash;
            await upsert.AddAsync([loan.Id, nameof(LoanKind.Digital), loan.MemberId, loan.Isil, loan.EbookIsbn, loan.Title, loan.StartedAt, loan.DueAt,
                loan.EndedAt, loan.Renewals, loan.SourceVersion, hash, stamp, loan.ExternalKey], cancellationToken);
        }
        await upsert.FlushAsync(cancellationToken);
    }

    /// <summary>The digital loans with these keys, by key.</summary>
    public static async Task<Dictionary<string, DigitalLoanRow>> LoadLoansAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect,
        IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var loans = new Dictionary<string, DigitalLoanRow>(StringComparer.Ordinal);
        await using var command = SqlCommands.Create(connection, transaction,
            "SELECT id, external_key, member_id, isil, ebook_isbn, title, started_at, due_at, ended_at, renewals, source_version FROM loans WHERE " +
            dialect.InList("external_key", "@keys") + " AND external_key IS NOT NULL");
        dialect.AddList(command, "@keys", keys);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new DigitalLoanRow
            {
                Id = reader.GetString(0), ExternalKey = reader.GetString(1), MemberId = reader.GetString(2), Isil = reader.GetString(3),
                EbookIsbn = SqlCommands.Text(reader, 4) ?? "", Title = SqlCommands.Text(reader, 5), StartedAt = reader.GetString(6),
                DueAt = SqlCommands.Text(reader, 7), EndedAt = SqlCommands.Text(reader, 8), Renewals = Convert.ToInt32(reader.GetValue(9), CultureInfo.InvariantCulture),
                SourceVersion = Convert.ToInt64(reader.GetValue(10), CultureInfo.InvariantCulture),
            };
            loans[row.ExternalKey] = row;
        }
        return loans;
    }

    private static string Iso(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static string? Iso(DateTimeOffset? value) => value is { } v ? Iso(v) : null;
}
