using System.Data.Common;
using System.Globalization;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.CustomerView.Consent;
using Lsb.Hub.CustomerView.Persons;
using Lsb.Hub.DigitalLoans;
using Lsb.Hub.Storage;

namespace Lsb.Hub.CustomerView.View;

/// <summary>
/// Builds the customer view. With the person's effective opt-in to the integral view: the loans of every membership of
/// the person, physical and digital. Without it: ONLY this membership's physical loans lent by the requesting library
/// (any of its locations) — no other membership, no e-book loan, not even whether other memberships exist. A few
/// indexed reads (member, memberships, consent, loans), no scans.
/// </summary>
public sealed class CustomerViewQuery(HubDatabase database)
{
    private const string LoanColumns =
        // The copy's title only when the loan has none (COALESCE evaluates the subquery lazily): no holdings read per loan.
        "SELECT l.id, l.kind, l.member_id, COALESCE(l.title, (SELECT h.title FROM holdings h WHERE h.id = l.holding_id)), l.ebook_isbn, " +
        "l.holding_id, l.isil, lib.name, l.installation_id, l.started_at, l.due_at, l.ended_at, l.renewals FROM loans l " +
        "LEFT JOIN libraries lib ON lib.isil = l.isil ";

    /// <summary>The view of <paramref name="customer"/> for <paramref name="requesting"/>, read on <paramref name="connection"/>
    /// (the one the customer was looked up on: one connection per request).</summary>
    public async Task<CustomerViewResult> RunAsync(DbConnection connection, Customer customer, Isil requesting, int historyLimit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var memberships = customer.PersonId is null
            ? [new ViewMembership(customer.MemberId, customer.HomeIsil, null, customer.InstallationId, LinkReason.Own, customer.Removed)]
            : await MembershipsAsync(connection, customer.PersonId, cancellationToken);
        var memberIds = memberships.Select(m => m.MemberId).ToList();
        var decisions = await ConsentStore.CurrentAsync(connection, null, database.Dialect, memberIds, cancellationToken);
        var integral = ConsentStore.Effective(decisions, ConsentPurpose.IntegralView);
        var keep = ConsentStore.Effective(decisions, ConsentPurpose.KeepLoanHistory);
        var consent = new ViewConsent(integral?.Granted == true, integral?.DecidedAt, keep?.Granted == true);

        List<ViewLoan> loans;
        ViewScope scope;
        string notice;
        if (consent.IntegralView)
        {
            scope = ViewScope.Integral;
            loans = await LoansAsync(connection, memberIds, cancellationToken);
            notice = $"The person opted in to the integral view on {integral!.DecidedAt:yyyy-MM-dd}: loans of all {memberships.Count} membership(s), physical and digital, across libraries.";
        }
        else
        {
            scope = ViewScope.RequestingLibraryOnly;
            loans = [.. (await LoansAsync(connection, [customer.MemberId], cancellationToken))
                .Where(l => l.Kind == "Physical" && LibraryOrganisation.Same(l.LibraryIsil, requesting.Value))];
            memberships = [.. memberships.Where(m => m.MemberId == customer.MemberId)];
            notice = integral is null
                ? $"The person has not opted in to the integral view: only loans of library {requesting} itself are shown."
                : $"The person opted out of the integral view on {integral.DecidedAt:yyyy-MM-dd}: only loans of library {requesting} itself are shown.";
        }
        var current = loans.Where(l => l.EndedAt is null).OrderBy(l => l.DueAt ?? DateTimeOffset.MaxValue).ThenBy(l => l.StartedAt).ToList();
        var ended = loans.Where(l => l.EndedAt is not null).OrderByDescending(l => l.EndedAt).ThenByDescending(l => l.StartedAt).ToList();
        return new CustomerViewResult(customer.MemberId, requesting.Value, scope, notice, consent, memberships, current,
            [.. ended.Take(historyLimit)], ended.Count > historyLimit);
    }

    private async Task<List<ViewMembership>> MembershipsAsync(DbConnection connection, string personId, CancellationToken cancellationToken)
    {
        var memberships = new List<ViewMembership>();
        await using var command = SqlCommands.Create(connection, null,
            "SELECT m.id, m.home_isil, lib.name, m.installation_id, mp.linked_by, m.removed FROM member_persons mp " +
            "JOIN members m ON m.id = mp.member_id LEFT JOIN libraries lib ON lib.isil = m.home_isil " +
            "WHERE mp.person_id = @p AND m.erased_at IS NULL ORDER BY m.id", ("p", personId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            memberships.Add(new ViewMembership(reader.GetString(0), reader.GetString(1), SqlCommands.Text(reader, 2), SqlCommands.Text(reader, 3),
                reader.GetString(4), SqlCommands.Bool(reader, 5)));
        }
        return memberships;
    }

    private async Task<List<ViewLoan>> LoansAsync(DbConnection connection, IReadOnlyCollection<string> memberIds, CancellationToken cancellationToken)
    {
        var loans = new List<ViewLoan>();
        await using var command = memberIds.Count == 1
            ? SqlCommands.Create(connection, null, LoanColumns + "WHERE l.member_id = @m", ("m", memberIds.First()))
            : SqlCommands.Create(connection, null, LoanColumns + "WHERE " + database.Dialect.InList("l.member_id", "@members"));
        if (memberIds.Count != 1) database.Dialect.AddList(command, "@members", memberIds);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var installation = SqlCommands.Text(reader, 8);
            loans.Add(new ViewLoan(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), SqlCommands.Text(reader, 3), SqlCommands.Text(reader, 4),
                SqlCommands.Text(reader, 5), reader.GetString(6), SqlCommands.Text(reader, 7), installation,
                installation ?? DigitalLoanSource.System, Time(reader.GetString(9)),
                SqlCommands.Text(reader, 10) is { } due ? Time(due) : null, SqlCommands.Text(reader, 11) is { } end ? Time(end) : null,
                Convert.ToInt32(reader.GetValue(12), CultureInfo.InvariantCulture)));
        }
        return loans;
    }

    private static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}
