using System.Data.Common;
using Dapper;
using Lsb.Hub.CustomerView;
using Lsb.Hub.Ingest;
using Lsb.Hub.Ingest.State;
using Lsb.Hub.Storage;
using Microsoft.Extensions.Options;

namespace Lsb.Hub.PatronServices.GuestLending;

/// <summary>Gives ingest the guest loans of a page's copies (<c>guest_loans</c> with their <c>loans</c> rows) and tells guest
/// accounts by <see cref="PatronServicesOptions.GuestAccountPattern"/>.</summary>
public sealed class GuestLoanSource(IOptionsMonitor<PatronServicesOptions> options) : IGuestLoanSource
{
    /// <inheritdoc />
    public async Task<GuestLoans> LoadAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect, string installationId,
        IReadOnlyCollection<string> holdingIds, IReadOnlyCollection<string> loanIds, IReadOnlyCollection<string> guestCards,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(dialect);
        var records = holdingIds.Count > 0 || loanIds.Count > 0
            ? await ReadGuestLoansAsync(connection, transaction, dialect, installationId, holdingIds, loanIds, cancellationToken)
            : [];
        var members = guestCards.Count > 0 ? await ReadMembersAsync(connection, transaction, dialect, installationId, guestCards, cancellationToken) : [];
        return new GuestLoans(options.CurrentValue.IsGuestAccount, records, members);
    }

    /// <inheritdoc />
    public async Task WriteAsync(DbConnection connection, DbTransaction transaction, string installationId, GuestLoans guestLoans, string now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(guestLoans);
        foreach (var loan in guestLoans.Recorded)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO guest_loans (loan_id, holding_id, lending_installation_id, home_installation_id, guest_account, home_notified, lent_by, created_at, ended_at) " +
                "VALUES (@LoanId, @HoldingId, @lending, @HomeInstallationId, @GuestAccount, @notified, @by, @now, NULL) ON CONFLICT (loan_id) DO NOTHING",
                new { loan.LoanId, loan.HoldingId, lending = installationId, loan.HomeInstallationId, loan.GuestAccount, notified = false, by = $"desk:{installationId}", now },
                transaction, cancellationToken: cancellationToken));
        }
        foreach (var id in guestLoans.Ended)
        {
            await connection.ExecuteAsync(new CommandDefinition("UPDATE guest_loans SET ended_at = @now WHERE loan_id = @id AND ended_at IS NULL",
                new { now, id }, transaction, cancellationToken: cancellationToken));
        }
    }

    // The members of other installations with the cards noted on guest loans made at the lending desk.
    private static async Task<List<GuestMember>> ReadMembersAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect, string installationId,
        IReadOnlyCollection<string> cards, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(connection, transaction,
            $"SELECT card_number, id, installation_id FROM members WHERE {dialect.InList("card_number", "@cards")} AND NOT removed AND erased_at IS NULL " +
            "AND installation_id <> @installation", ("installation", installationId));
        dialect.AddList(command, "@cards", cards);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var members = new List<GuestMember>();
        while (await reader.ReadAsync(cancellationToken)) members.Add(new GuestMember(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return members;
    }

    private static async Task<List<GuestLoanRecord>> ReadGuestLoansAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect, string installationId,
        IReadOnlyCollection<string> holdingIds, IReadOnlyCollection<string> loanIds, CancellationToken cancellationToken)
    {
        // The loans rows are locked on PostgreSQL: a return through the hub ends them under the same lock, so a loan ends once.
        await using var command = SqlCommands.Create(connection, transaction,
            "SELECT g.holding_id, g.guest_account, CASE WHEN EXISTS (SELECT 1 FROM id_map m WHERE m.entity = 'loan' AND m.canonical_id = g.loan_id) " +
            "THEN 1 ELSE 0 END AS claimed, l.* FROM guest_loans g JOIN loans l ON l.id = g.loan_id " +
            $"WHERE (g.lending_installation_id = @installation AND {dialect.InList("g.holding_id", "@holdings")}) OR {dialect.InList("g.loan_id", "@loans")}" +
            (dialect.IsPostgres ? " ORDER BY l.id FOR UPDATE OF l" : ""), ("installation", installationId));
        dialect.AddList(command, "@holdings", holdingIds);
        dialect.AddList(command, "@loans", loanIds);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var parser = reader.GetRowParser<LoanRow>(typeof(LoanRow), startIndex: 3);
        var records = new List<GuestLoanRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new GuestLoanRecord
            {
                HoldingId = reader.GetString(0), GuestAccount = reader.GetString(1),
                Claimed = SqlCommands.Bool(reader, 2), Loan = parser(reader),
            });
        }
        return records;
    }
}
