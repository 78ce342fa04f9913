using System.Data.Common;
using System.Globalization;
using Dapper;
using Lsb.Hub.Canonical.Events;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Canonical.Loans;
using Lsb.Hub.EventLog;
using Lsb.Hub.Ingest.State;

namespace Lsb.Hub.PatronServices.GuestLending;

/// <summary>
/// Writes guest loans: the canonical loan (<c>loans</c>), its guest-loan record (<c>guest_loans</c>) and the canonical
/// event, in the caller's transaction, so the loan is logged if and only if it is recorded.
/// </summary>
public static class GuestLoanStore
{
    /// <summary>The source system of the events guest lending writes.</summary>
    public const string SourceSystem = "hub-guest-lending";

    /// <summary>One guest loan to record.</summary>
    public sealed record NewGuestLoan(LoanId LoanId, HomeMembership Member, CopyCandidate Copy, Isil LendingIsil, string LendingInstallationId,
        string GuestAccount, DateTimeOffset StartedAt, DateTimeOffset? DueAt, string LentBy);

    /// <summary>Records <paramref name="loan"/>; returns the event log position of its <see cref="LoanStarted"/>.</summary>
    public static async Task<long> RecordAsync(DbConnection connection, DbTransaction transaction, NewGuestLoan loan, string? correlationId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loan);
        var now = Iso(loan.StartedAt);
        var row = new LoanRow
        {
            Id = loan.LoanId.ToString(), Kind = nameof(LoanKind.Physical), MemberId = loan.Member.MemberId, HoldingId = loan.Copy.HoldingId,
            Isil = loan.LendingIsil.Value, InstallationId = loan.LendingInstallationId, StartedAt = now, DueAt = loan.DueAt is { } d ? Iso(d) : null,
            SourceVersion = loan.StartedAt.UtcTicks, UpdatedAt = now,
        }.WithHash();
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO loans (id, kind, member_id, holding_id, isil, installation_id, ebook_isbn, title, started_at, due_at, ended_at, renewals, " +
            "source_version, content_hash, updated_at) VALUES (@Id, @Kind, @MemberId, @HoldingId, @Isil, @InstallationId, NULL, NULL, @StartedAt, @DueAt, NULL, 0, " +
            "@SourceVersion, @ContentHash, @UpdatedAt)", row, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO guest_loans (loan_id, holding_id, lending_installation_id, home_installation_id, guest_account, home_notified, lent_by, created_at, ended_at) " +
            "VALUES (@id, @holding, @lending, @home, @account, @notified, @by, @at, NULL)",
            new { id = row.Id, holding = loan.Copy.HoldingId, lending = loan.LendingInstallationId, home = loan.Member.InstallationId, account = loan.GuestAccount,
                notified = false, by = loan.LentBy, at = now }, transaction, cancellationToken: cancellationToken));
        var started = new LoanStarted
        {
            EventId = Uuid7.New(), Source = new EventSource(SourceSystem, row.Id), OccurredAt = loan.StartedAt, LoanId = loan.LoanId,
            Kind = LoanKind.Physical, MemberId = MemberId.Parse(loan.Member.MemberId), HoldingId = HoldingId.Parse(loan.Copy.HoldingId), Title = loan.Copy.Title,
            LendingIsil = loan.LendingIsil, StartedAt = loan.StartedAt, DueAt = loan.DueAt,
        };
        return await EventLogWriter.AppendAsync(connection, transaction, new CanonicalEvent[] { started }, correlationId, loan.StartedAt, cancellationToken);
    }

    /// <summary>Ends the open guest loans of <paramref name="holdingId"/> at <paramref name="endedAt"/>; returns the events written
    /// and the log position of the last (0 when none). A loan that ingest ended meanwhile (the lending system reported the
    /// check-in) is NEVER ended twice.</summary>
    public static async Task<(IReadOnlyList<LoanEnded> Events, long Position)> EndOpenAsync(DbConnection connection, DbTransaction transaction, string holdingId, DateTimeOffset endedAt,
        string? correlationId, CancellationToken cancellationToken)
    {
        var open = (await connection.QueryAsync<(string Id, string MemberId, string Isil)>(new CommandDefinition(
            "SELECT l.id, l.member_id, l.isil FROM guest_loans g JOIN loans l ON l.id = g.loan_id WHERE g.holding_id = @holdingId AND g.ended_at IS NULL " +
            "AND l.ended_at IS NULL", new { holdingId }, transaction, cancellationToken: cancellationToken))).ToList();
        var at = Iso(endedAt);
        var events = new List<LoanEnded>();
        foreach (var (id, memberId, isil) in open)
        {
            // The source version stays the lending system's: its own report of the check-in then applies without ending the loan again.
            // On PostgreSQL the condition is evaluated again after waiting for an ingest page that holds the row.
            if (await connection.ExecuteAsync(new CommandDefinition("UPDATE loans SET ended_at = @at, updated_at = @at WHERE id = @id AND ended_at IS NULL",
                new { at, id }, transaction, cancellationToken: cancellationToken)) == 0) continue;
            await connection.ExecuteAsync(new CommandDefinition("UPDATE guest_loans SET ended_at = @at WHERE loan_id = @id",
                new { at, id }, transaction, cancellationToken: cancellationToken));
            events.Add(new LoanEnded
            {
                EventId = Uuid7.New(), Source = new EventSource(SourceSystem, id + ":ended"), OccurredAt = endedAt, LoanId = LoanId.Parse(id),
                MemberId = MemberId.Parse(memberId), HoldingId = HoldingId.Parse(holdingId), LendingIsil = Isil.Parse(isil), EndedAt = endedAt,
            });
        }
        if (events.Count == 0) return ([], 0);
        return (events, await EventLogWriter.AppendAsync(connection, transaction, events, correlationId, endedAt, cancellationToken));
    }

    /// <summary>The guest loans of <paramref name="holdingId"/> the hub learnt ended at or after <paramref name="since"/>: those
    /// <see cref="EndOpenAsync"/> ended and those ingest ended from the lending system's report of the same check-in.</summary>
    public static async Task<IReadOnlyList<string>> EndedSinceAsync(DbConnection connection, DbTransaction transaction, string holdingId, DateTimeOffset since,
        CancellationToken cancellationToken)
        => [.. await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT loan_id FROM guest_loans WHERE holding_id = @holdingId AND ended_at >= @since ORDER BY loan_id",
            new { holdingId, since = Iso(since) }, transaction, cancellationToken: cancellationToken))];

    private static string Iso(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
