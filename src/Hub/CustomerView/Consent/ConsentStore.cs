using Lsb.Hub.Canonical.Identity;
using System.Data.Common;
using System.Globalization;
using Lsb.Hub.Storage;

namespace Lsb.Hub.CustomerView.Consent;

/// <summary>
/// Consent decisions: the current one per membership and purpose (<c>consents</c>) and every one ever recorded
/// (<c>consent_audit</c>). A person's effective decision for a purpose is the latest (by <see cref="ConsentDecision.DecidedAt"/>)
/// across all their memberships, so an opt-out through any library overrides an earlier opt-in through another.
/// No decision means no consent.
/// </summary>
public static class ConsentStore
{
    /// <summary>Records <paramref name="decision"/>: always in the audit trail; as the membership's current decision
    /// unless a later one is held already.</summary>
    public static async Task RecordAsync(DbConnection connection, DbTransaction transaction, ConsentDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var decided = Iso(decision.DecidedAt);
        var recorded = Iso(decision.RecordedAt);
        await using (var audit = SqlCommands.Create(connection, transaction,
            "INSERT INTO consent_audit (id, member_id, purpose, granted, decided_at, recorded_at, recorded_by, staff_reference, source) " +
            "VALUES (@id, @m, @p, @g, @d, @r, @by, @staff, @source)",
            ("id", Uuid7.New().ToString("N")), ("m", decision.MemberId), ("p", decision.Purpose), ("g", decision.Granted),
            ("d", decided), ("r", recorded), ("by", decision.RecordedBy), ("staff", decision.StaffReference), ("source", decision.Source)))
        {
            await audit.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var current = SqlCommands.Create(connection, transaction,
            "INSERT INTO consents (member_id, purpose, granted, decided_at, recorded_at, recorded_by, staff_reference, source) " +
            "VALUES (@m, @p, @g, @d, @r, @by, @staff, @source) " +
            "ON CONFLICT (member_id, purpose) DO UPDATE SET granted = excluded.granted, decided_at = excluded.decided_at, " +
            "recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by, staff_reference = excluded.staff_reference, source = excluded.source " +
            "WHERE consents.decided_at <= excluded.decided_at",
            ("m", decision.MemberId), ("p", decision.Purpose), ("g", decision.Granted), ("d", decided), ("r", recorded),
            ("by", decision.RecordedBy), ("staff", decision.StaffReference), ("source", decision.Source));
        await current.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The current decision of each of <paramref name="memberIds"/>, all purposes.</summary>
    public static async Task<List<ConsentDecision>> CurrentAsync(DbConnection connection, DbTransaction? transaction, SqlDialect dialect,
        IReadOnlyCollection<string> memberIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(memberIds);
        var decisions = new List<ConsentDecision>();
        if (memberIds.Count == 0) return decisions;
        await using var command = SqlCommands.Create(connection, transaction,
            "SELECT member_id, purpose, granted, decided_at, recorded_at, recorded_by, staff_reference, source FROM consents WHERE " +
            dialect.InList("member_id", "@members"));
        dialect.AddList(command, "@members", memberIds);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) decisions.Add(Read(reader));
        return decisions;
    }

    /// <summary>The effective decision for <paramref name="purpose"/> among <paramref name="decisions"/> (a person's
    /// memberships), or null when none was ever recorded.</summary>
    public static ConsentDecision? Effective(IEnumerable<ConsentDecision> decisions, string purpose)
        => decisions.Where(d => d.Purpose == purpose)
            .OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.RecordedAt).FirstOrDefault();

    /// <summary>Every decision recorded through <paramref name="memberId"/>, oldest first.</summary>
    public static async Task<List<ConsentDecision>> TrailAsync(DbConnection connection, string memberId, CancellationToken cancellationToken)
    {
        var trail = new List<ConsentDecision>();
        await using var command = SqlCommands.Create(connection, null,
            "SELECT member_id, purpose, granted, decided_at, recorded_at, recorded_by, staff_reference, source FROM consent_audit " +
            "WHERE member_id = @m ORDER BY recorded_at, id", ("m", memberId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) trail.Add(Read(reader));
        return trail;
    }

    /// <summary>
    /// Makes the loan history of <paramref name="memberIds"/> (one person) due for retention again when the person's
    /// effective keep-history decision is not an opt-in: loans retention kept by consent lose that mark.
    /// </summary>
    public static async Task ReleaseKeptHistoryUnlessConsentedAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect,
        IReadOnlyCollection<string> memberIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        var decisions = await CurrentAsync(connection, transaction, dialect, memberIds, cancellationToken);
        if (Effective(decisions, ConsentPurpose.KeepLoanHistory)?.Granted == true) return;
        await using var command = SqlCommands.Create(connection, transaction,
            $"UPDATE loans SET retention_kept_at = NULL WHERE {dialect.InList("member_id", "@members")} AND retention_kept_at IS NOT NULL");
        dialect.AddList(command, "@members", memberIds);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static ConsentDecision Read(DbDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), SqlCommands.Bool(reader, 2),
        DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture),
        DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture),
        reader.GetString(5), SqlCommands.Text(reader, 6), reader.GetString(7));

    private static string Iso(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
