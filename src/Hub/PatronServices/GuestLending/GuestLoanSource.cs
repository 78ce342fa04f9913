using System.Data.Common;
using System.Globalization;
using Dapper;
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
        IReadOnlyCollection<string> holdingIds, IReadOnlyCollection<string> loanIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(dialect);
        var records = new List<GuestLoanRecord>();
        if (holdingIds.Count > 0 || loanIds.Count > 0)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            // The loans rows are locked on PostgreSQL: a return through the hub ends them under the same lock, so a loan ends once.
            command.CommandText =
                "SELECT g.holding_id, g.guest_account, CASE WHEN EXISTS (SELECT 1 FROM id_map m WHERE m.entity = 'loan' AND m.canonical_id = g.loan_id) " +
                "THEN 1 ELSE 0 END AS claimed, l.* FROM guest_loans g JOIN loans l ON l.id = g.loan_id " +
                $"WHERE (g.lending_installation_id = @installation AND {dialect.InList("g.holding_id", "@holdings")}) OR {dialect.InList("g.loan_id", "@loans")}" +
                (dialect.IsPostgres ? " ORDER BY l.id FOR UPDATE OF l" : "");
            var installation = command.CreateParameter();
            installation.ParameterName = "installation";
            installation.Value = installationId;
            command.Parameters.Add(installation);
            dialect.AddList(command, "@holdings", holdingIds);
            dialect.AddList(command, "@loans", loanIds);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var parser = reader.GetRowParser<LoanRow>(typeof(LoanRow), startIndex: 3);
            while (await reader.ReadAsync(cancellationToken))
            {
                records.Add(new GuestLoanRecord
                {
                    HoldingId = reader.GetString(0), GuestAccount = reader.GetString(1),
                    Claimed = Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture) == 1, Loan = parser(reader),
                });
            }
        }
        return new GuestLoans(options.CurrentValue.IsGuestAccount, records);
    }

    /// <inheritdoc />
    public async Task EndAsync(DbConnection connection, DbTransaction transaction, IReadOnlyCollection<string> loanIds, string endedAt,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        foreach (var id in loanIds)
        {
            await connection.ExecuteAsync(new CommandDefinition("UPDATE guest_loans SET ended_at = @endedAt WHERE loan_id = @id AND ended_at IS NULL",
                new { endedAt, id }, transaction, cancellationToken: cancellationToken));
        }
    }
}
