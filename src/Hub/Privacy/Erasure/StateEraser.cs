using System.Data.Common;
using Lsb.Hub.Canonical.Events;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.CustomerView;
using Lsb.Hub.DigitalLoans;
using Lsb.Hub.Privacy.Retention;
using Lsb.Hub.Storage;

namespace Lsb.Hub.Privacy.Erasure;

/// <summary>
/// Removes a person from the hub's state inside one transaction: loans (physical, digital and pseudonymised history),
/// waiting e-book events, consent and its audit trail, person links; member rows become tombstones without personal
/// data and their id-map entries (and those of the removed loans) are marked erased, so ingest NEVER brings them back.
/// Returns the tombstone events (MemberRemoved with Erased) to append.
/// </summary>
public static class StateEraser
{
    /// <summary>What the state part of an erasure removed.</summary>
    /// <param name="LoansRemoved">Loans deleted.</param>
    /// <param name="WaitingEventsRemoved">Waiting e-book events deleted.</param>
    /// <param name="ConsentRecordsRemoved">Consent rows deleted (current, audit, ILS values).</param>
    /// <param name="Tombstones">The events to append.</param>
    public sealed record Outcome(int LoansRemoved, int WaitingEventsRemoved, int ConsentRecordsRemoved, IReadOnlyList<CanonicalEvent> Tombstones);

    /// <summary>Erases <paramref name="memberships"/> (one person).</summary>
    public static async Task<Outcome> EraseAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect,
        IReadOnlyList<ErasedMembership> memberships, MatchKeys matchKeys, MemberPseudonym pseudonym, string erasureId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(memberships);
        ArgumentNullException.ThrowIfNull(matchKeys);
        ArgumentNullException.ThrowIfNull(pseudonym);
        var stamp = now.ToUniversalTime().ToString("O");
        var members = memberships.Select(m => m.MemberId).ToList();
        var borrowers = members.Concat(members.Select(pseudonym.For)).ToList();

        var loanIds = new List<string>();
        await using (var select = List(connection, transaction, dialect, "SELECT id FROM loans WHERE {0}", "member_id", borrowers))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) loanIds.Add(reader.GetString(0));
        }
        var loans = await RunAsync(List(connection, transaction, dialect, "DELETE FROM loans WHERE {0}", "member_id", borrowers), cancellationToken);
        await RunAsync(List(connection, transaction, dialect, "UPDATE id_map SET erased_at = @now WHERE entity = 'member' AND {0}", "canonical_id", members, ("now", stamp)), cancellationToken);
        if (loanIds.Count > 0)
            await RunAsync(List(connection, transaction, dialect, "UPDATE id_map SET erased_at = @now WHERE entity = 'loan' AND {0}", "canonical_id", loanIds, ("now", stamp)), cancellationToken);

        var cardKeys = memberships.Where(m => !string.IsNullOrWhiteSpace(m.CardNumber)).Select(m => matchKeys.Card(m.HomeIsil, m.CardNumber!)).ToList();
        var nationalKeys = memberships.Where(m => !string.IsNullOrWhiteSpace(m.NationalUserId)).Select(m => matchKeys.National(m.NationalUserId!)).ToList();
        var waiting = 0;
        if (cardKeys.Count > 0)
            waiting += await RunAsync(List(connection, transaction, dialect, "DELETE FROM digital_loan_events WHERE {0}", "member_key", cardKeys), cancellationToken);
        if (nationalKeys.Count > 0)
            waiting += await RunAsync(List(connection, transaction, dialect, "DELETE FROM digital_loan_events WHERE {0}", "national_key", nationalKeys), cancellationToken);

        var consent = 0;
        foreach (var table in new[] { "consents", "consent_audit", "ils_consents" })
            consent += await RunAsync(List(connection, transaction, dialect, $"DELETE FROM {table} WHERE {{0}}", "member_id", members), cancellationToken);
        await RunAsync(List(connection, transaction, dialect, "DELETE FROM member_persons WHERE {0}", "member_id", members), cancellationToken);
        await RunAsync(List(connection, transaction, dialect,
            "UPDATE members SET card_number = NULL, national_user_id = NULL, given_name = NULL, family_name = NULL, birth_date = NULL, " +
            "street = NULL, house_number = NULL, postcode = NULL, city = NULL, email = NULL, category = 'Other', status = 'Expired', " +
            "expires_on = NULL, registered_on = NULL, removed = @removed, content_hash = 0, updated_at = @now, erased_at = @now WHERE {0}",
            "id", members, ("removed", true), ("now", stamp)), cancellationToken);

        var tombstones = memberships.Select(m => (CanonicalEvent)new MemberRemoved
        {
            EventId = Uuid7.New(),
            Source = new EventSource("hub", $"erasure:{erasureId}:{m.MemberId}"),
            OccurredAt = now,
            MemberId = MemberId.Parse(m.MemberId),
            HomeIsil = Isil.Parse(m.HomeIsil),
            Erased = true,
        }).ToList();
        return new Outcome(loans, waiting, consent, tombstones);
    }

    private static DbCommand List(DbConnection connection, DbTransaction transaction, SqlDialect dialect, string sql, string column,
        IReadOnlyCollection<string> values, params (string Name, object? Value)[] parameters)
    {
        var command = SqlCommands.Create(connection, transaction, string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, dialect.InList(column, "@values")), parameters);
        dialect.AddList(command, "@values", values);
        return command;
    }

    private static async Task<int> RunAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using (command)
            return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
