using System.Globalization;
using Dapper;
using Lsb.Hub.Storage;

namespace Lsb.Hub.PatronServices.GuestLending;

/// <summary>Reads a guest loan as <see cref="GuestLoanView"/> (loan, guest-loan record, copy and the member's home library).</summary>
public static class GuestLoanViews
{
    private const string Select =
        "SELECT l.id AS LoanId, l.member_id AS MemberId, m.home_isil AS HomeIsil, l.isil AS LendingIsil, g.holding_id AS HoldingId, " +
        "h.barcode AS Barcode, h.title AS Title, l.started_at AS StartedAt, l.due_at AS DueAt, l.ended_at AS EndedAt, g.guest_account AS GuestAccount, " +
        "g.home_notified AS HomeNotified FROM guest_loans g JOIN loans l ON l.id = g.loan_id LEFT JOIN members m ON m.id = l.member_id " +
        "LEFT JOIN holdings h ON h.id = g.holding_id ";

    /// <summary>The guest loan <paramref name="loanId"/>, or null.</summary>
    public static async Task<GuestLoanView?> GetAsync(HubDatabase database, string loanId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Select + "WHERE g.loan_id = @loanId", new { loanId },
            cancellationToken: cancellationToken));
        return row is null ? null : View(row);
    }

    /// <summary>The open guest loans of members of <paramref name="homeInstallationId"/> whose home library is in the organisation of
    /// <paramref name="homeIsil"/>: where the home library's members have loans elsewhere (its system cannot record them).</summary>
    public static async Task<IReadOnlyList<GuestLoanView>> OpenForHomeAsync(HubDatabase database, string homeInstallationId, string homeIsil, int limit,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            Select + "WHERE g.home_installation_id = @homeInstallationId AND g.ended_at IS NULL ORDER BY l.started_at",
            new { homeInstallationId }, cancellationToken: cancellationToken));
        return [.. rows.Where(r => r.HomeIsil is not null && CustomerView.LibraryOrganisation.Same(r.HomeIsil, homeIsil)).Take(limit).Select(View)];
    }

    private static GuestLoanView View(Row row)
    {
        return new GuestLoanView(row.LoanId, row.MemberId, row.HomeIsil ?? "", row.LendingIsil, row.HoldingId, row.Barcode ?? "", row.Title ?? "",
            Time(row.StartedAt), row.DueAt is null ? null : Time(row.DueAt), row.GuestAccount, row.HomeNotified,
            row.EndedAt is null ? "On loan." : $"Returned {row.EndedAt}.");
    }

    private static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private sealed class Row
    {
        public string LoanId { get; set; } = "";
        public string MemberId { get; set; } = "";
        public string? HomeIsil { get; set; }
        public string LendingIsil { get; set; } = "";
        public string HoldingId { get; set; } = "";
        public string? Barcode { get; set; }
        public string? Title { get; set; }
        public string StartedAt { get; set; } = "";
        public string? DueAt { get; set; }
        public string? EndedAt { get; set; }
        public string GuestAccount { get; set; } = "";
        public bool HomeNotified { get; set; }
    }
}
