using Lsb.Hub.Canonical.Events;
using Lsb.Hub.CustomerView.Consent;
using Lsb.Hub.CustomerView.Persons;
using Lsb.Hub.Ingest;

namespace Lsb.Hub.CustomerView;

/// <summary>
/// Keeps the customer view in step with ingest, in the page's transaction: links the memberships that arrived or whose
/// identifying fields changed into persons (<see cref="PersonLinker"/>), and records consent reported by the member's ILS
/// (<c>MemberSnapshot.ConsentIntegralView</c>) — as a decision only when the ILS value changes, so an unrelated profile
/// change in the ILS NEVER overrides a later decision recorded through the API. Raises no events.
/// </summary>
public sealed class CustomerViewIngestParticipant : IIngestParticipant
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<CanonicalEvent>> ApplyAsync(IngestParticipation participation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(participation);
        var p = participation;
        if (p.Members.Count == 0) return [];
        await LogHeadLock.TakeAsync(p.Connection, p.Transaction, p.Dialect, cancellationToken);
        // Only what person linking compares can link a membership differently: a membership whose card number, national user
        // id and birth date are what they were keeps its person (changes of the others relink around them when they happen).
        var changed = p.Members.Where(m => m.Changed && m.IdentityChanged).Select(m => m.Row.Id).ToHashSet(StringComparer.Ordinal);
        var moved = await PersonLinker.LinkAsync(p.Connection, p.Transaction, p.Dialect, changed, p.Now, cancellationToken);
        foreach (var personId in moved)
        {
            var members = await PersonMemberships.OfPersonAsync(p.Connection, p.Transaction, personId, cancellationToken);
            await ConsentStore.ReleaseKeptHistoryUnlessConsentedAsync(p.Connection, p.Transaction, p.Dialect, members, cancellationToken);
        }
        await RecordIlsConsentAsync(p, cancellationToken);
        return [];
    }

    private static async Task RecordIlsConsentAsync(IngestParticipation p, CancellationToken cancellationToken)
    {
        var reported = new Dictionary<string, AppliedMember>(StringComparer.Ordinal);
        foreach (var member in p.Members)
            if (member.Snapshot.ConsentIntegralView is not null) reported[member.Row.Id] = member;
        if (reported.Count == 0) return;
        var seen = await GrantedAsync(p, "ils_consents", [.. reported.Keys], cancellationToken);
        // A member the hub first hears a consent value for, but who already has a decision (given through the API, or
        // reported by a system that left: a library moved to another installation), gets that value as the baseline
        // only: a migrated record's field is the vendor's copy, not the person's newest decision. Only a later change
        // of the value is a decision.
        var decided = await GrantedAsync(p, "consents", [.. reported.Keys.Where(m => !seen.ContainsKey(m))], cancellationToken);
        foreach (var (memberId, member) in reported)
        {
            var granted = member.Snapshot.ConsentIntegralView!.Value;
            if (seen.TryGetValue(memberId, out var before) && before == granted) continue;
            var baselineOnly = !seen.ContainsKey(memberId) && decided.ContainsKey(memberId);
            await using (var upsert = SqlCommands.Create(p.Connection, p.Transaction,
                "INSERT INTO ils_consents (member_id, purpose, granted, seen_at) VALUES (@m, @purpose, @g, @t) " +
                "ON CONFLICT (member_id, purpose) DO UPDATE SET granted = excluded.granted, seen_at = excluded.seen_at",
                ("m", memberId), ("purpose", ConsentPurpose.IntegralView), ("g", granted), ("t", p.Now.ToUniversalTime().ToString("O"))))
            {
                await upsert.ExecuteNonQueryAsync(cancellationToken);
            }
            if (baselineOnly) continue;
            await ConsentStore.RecordAsync(p.Connection, p.Transaction, new ConsentDecision(memberId, ConsentPurpose.IntegralView, granted,
                member.Snapshot.OccurredAt, p.Now, p.InstallationId, null, ConsentSource.Ils(p.InstallationId)), cancellationToken);
        }
    }

    // The integral-view value per member in ils_consents (what their ILS last reported) or consents (the decision in force).
    private static async Task<Dictionary<string, bool>> GrantedAsync(IngestParticipation p, string table, List<string> members, CancellationToken cancellationToken)
    {
        var granted = new Dictionary<string, bool>(StringComparer.Ordinal);
        if (members.Count == 0) return granted;
        await using var command = SqlCommands.Create(p.Connection, p.Transaction,
            $"SELECT member_id, granted FROM {table} WHERE purpose = @purpose AND {p.Dialect.InList("member_id", "@members")}",
            ("purpose", ConsentPurpose.IntegralView));
        p.Dialect.AddList(command, "@members", members);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) granted[reader.GetString(0)] = SqlCommands.Bool(reader, 1);
        return granted;
    }
}
