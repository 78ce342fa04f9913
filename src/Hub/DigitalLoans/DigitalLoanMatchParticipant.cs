using Lsb.Hub.Canonical.Events;
using Lsb.Hub.CustomerView;
using Lsb.Hub.Ingest;
using Lsb.Hub.Privacy;

namespace Lsb.Hub.DigitalLoans;

/// <summary>
/// When members arrive from an ILS, applies the e-book loan events that waited for them, in the same transaction:
/// the member's card number (within their library organisation) and national user id are hashed the way the intake
/// hashed the waiting events, and looked up. The resulting canonical events come from <c>kb-ebook-platform</c>.
/// </summary>
public sealed class DigitalLoanMatchParticipant(PrivacyKeys keys) : IIngestParticipant
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<CanonicalEvent>> ApplyAsync(IngestParticipation participation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(participation);
        var p = participation;
        var arrived = p.Members.Where(m => m.Changed && !m.Row.Removed).Select(m => m.Row).ToList();
        if (arrived.Count == 0) return [];
        var matchKeys = new MatchKeys(await keys.ForAsync(PrivacyPurpose.DigitalLoanMatch, cancellationToken));
        await LogHeadLock.TakeAsync(p.Connection, p.Transaction, p.Dialect, cancellationToken);
        var byCard = new Dictionary<string, string>(StringComparer.Ordinal);
        var byNational = new Dictionary<string, (string MemberId, string Organisation)>(StringComparer.Ordinal);
        foreach (var member in arrived)
        {
            if (!string.IsNullOrWhiteSpace(member.CardNumber)) byCard.TryAdd(matchKeys.Card(member.HomeIsil, member.CardNumber), member.Id);
            if (!string.IsNullOrWhiteSpace(member.NationalUserId))
                byNational.TryAdd(matchKeys.National(member.NationalUserId), (member.Id, LibraryOrganisation.Of(member.HomeIsil)));
        }
        var woken = await WaitingEvents.ByAsync(p.Connection, p.Transaction, p.Dialect, "member_key", byCard.Keys, cancellationToken);
        woken.AddRange(await WaitingEvents.ByAsync(p.Connection, p.Transaction, p.Dialect, "national_key", byNational.Keys, cancellationToken));
        var matched = new Dictionary<string, IntakeEvent>(StringComparer.Ordinal);
        foreach (var e in woken)
        {
            if (e.State != IntakeState.WaitingForMember) continue;
            if (e.NationalKey is not null && byNational.TryGetValue(e.NationalKey, out var n) && n.Organisation == LibraryOrganisation.Of(e.HomeIsil))
                e.MemberId = n.MemberId;
            else if (e.MemberKey is not null && byCard.TryGetValue(e.MemberKey, out var c))
                e.MemberId = c;
            if (e.MemberId is not null) matched.TryAdd(e.EventId, e);
        }
        if (matched.Count == 0) return [];
        // The rest of each matched loan's waiting events (a renewal that waited for its start, say) go along.
        var loanKeys = matched.Values.Select(e => e.LoanKey).ToHashSet(StringComparer.Ordinal);
        foreach (var e in await WaitingEvents.ByAsync(p.Connection, p.Transaction, p.Dialect, "loan_key", loanKeys, cancellationToken))
            matched.TryAdd(e.EventId, e);
        return await DigitalLoanProcessor.ProcessAsync(p.Connection, p.Transaction, p.Dialect, [.. matched.Values], p.Now, cancellationToken);
    }
}
