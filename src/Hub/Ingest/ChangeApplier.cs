using System.Globalization;
using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Canonical.Events;
using Lsb.Hub.Canonical.Holdings;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Canonical.Loans;
using Lsb.Hub.Canonical.Members;
using Lsb.Hub.Ingest.State;

namespace Lsb.Hub.Ingest;

/// <summary>
/// Decides what a translated change means for the hub's state and which canonical events follow. Idempotent: a
/// change whose <see cref="CanonicalChange.SourceVersion"/> is not newer than the stored row's changes nothing, so
/// the same source change delivered twice (a re-read page, a replayed failed message) produces its events once.
/// A newer snapshot with the same content only moves the version on; no event.
/// </summary>
public sealed class ChangeApplier(WorkingSet set, string updatedAt)
{
    private readonly List<CanonicalEvent> _events = [];
    private readonly List<AppliedMember> _appliedMembers = [];

    /// <summary>The events decided so far, in order.</summary>
    public IReadOnlyList<CanonicalEvent> Events => _events;

    /// <summary>Member snapshots applied so far (not stale), for <see cref="IIngestParticipant"/>s.</summary>
    public IReadOnlyList<AppliedMember> AppliedMembers => _appliedMembers;

    /// <summary>Changes that were not newer than the hub's state (duplicates or stale).</summary>
    public int Skipped { get; private set; }

    /// <summary>Applies one change.</summary>
    public void Apply(CanonicalChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        switch (change)
        {
            case MemberSnapshot s: ApplyMember(s); break;
            case MemberGone g: ApplyMemberGone(g); break;
            case HoldingSnapshot s: ApplyHolding(s); break;
            case HoldingGone g: ApplyHoldingGone(g); break;
            case LoanSnapshot s: ApplyLoan(s); break;
            default: throw new ArgumentException($"Unknown canonical change type {change.GetType().Name}.", nameof(change));
        }
    }

    private bool IsStale(long? storedVersion, CanonicalChange change)
    {
        if (storedVersion is { } v && change.SourceVersion <= v)
        {
            Skipped++;
            return true;
        }
        return false;
    }

    // An erased member's id-map entry is a tombstone: later changes from the source NEVER bring the person back.
    private bool IsErased(MemberRow? row)
    {
        if (row?.ErasedAt is null) return false;
        Skipped++;
        return true;
    }

    private EventSource Source(CanonicalChange change) => new(set.InstallationId, change.SourceEventId);

    private void ApplyMember(MemberSnapshot s)
    {
        var tracked = set.Member(s.LocalId);
        var old = tracked.Row;
        if (IsErased(old) || IsStale(old?.SourceVersion, s)) return;
        var row = MemberRow.From(s, tracked.CanonicalId, set.InstallationId, updatedAt);
        tracked.Row = row;
        tracked.Dirty = true;
        var unchanged = old is not null && !old.Removed && old.ContentHash == row.ContentHash;
        _appliedMembers.Add(new AppliedMember(s, row, !unchanged));
        if (unchanged) return;
        var profile = ProfileOf(s);
        var memberId = MemberId.Parse(tracked.CanonicalId);
        if (old is null || old.Removed)
        {
            _events.Add(new MemberRegistered
            {
                EventId = Guid.CreateVersion7(), Source = Source(s), OccurredAt = s.OccurredAt,
                MemberId = memberId, HomeIsil = s.HomeIsil, Profile = profile,
            });
            return;
        }
        _events.Add(new MemberUpdated
        {
            EventId = Guid.CreateVersion7(), Source = Source(s), OccurredAt = s.OccurredAt,
            MemberId = memberId, HomeIsil = s.HomeIsil, Profile = profile, ChangedFields = Diff(old.Fields(), row.Fields()),
        });
    }

    private void ApplyMemberGone(MemberGone g)
    {
        var tracked = set.Member(g.LocalId);
        var old = tracked.Row;
        if (old is null || old.Removed) { Skipped++; return; }
        if (IsStale(old.SourceVersion, g)) return;
        old.ScrubPersonalData();
        old.SourceVersion = g.SourceVersion;
        old.UpdatedAt = updatedAt;
        old.WithHash();
        tracked.Dirty = true;
        _events.Add(new MemberRemoved
        {
            EventId = Guid.CreateVersion7(), Source = Source(g), OccurredAt = g.OccurredAt,
            MemberId = MemberId.Parse(tracked.CanonicalId), HomeIsil = Isil.Parse(old.HomeIsil),
        });
    }

    private void ApplyHolding(HoldingSnapshot s)
    {
        var tracked = set.Holding(s.LocalId);
        var old = tracked.Row;
        if (IsStale(old?.SourceVersion, s)) return;
        var row = HoldingRow.From(s, tracked.CanonicalId, set.InstallationId, updatedAt);
        tracked.Row = row;
        tracked.Dirty = true;
        if (old is not null && old.ContentHash == row.ContentHash) return;
        var holdingId = HoldingId.Parse(tracked.CanonicalId);
        if (row.Withdrawn)
        {
            // A copy first seen as withdrawn was never in the collection as far as the hub knows: no event.
            if (old is not null && !old.Withdrawn) _events.Add(Withdrawn(s, holdingId, s.Isil, s.Barcode));
            return;
        }
        var details = DetailsOf(s);
        if (old is null || old.Withdrawn)
        {
            _events.Add(new HoldingAdded
            {
                EventId = Guid.CreateVersion7(), Source = Source(s), OccurredAt = s.OccurredAt,
                HoldingId = holdingId, OwnerIsil = s.Isil, Details = details,
            });
            return;
        }
        _events.Add(new HoldingChanged
        {
            EventId = Guid.CreateVersion7(), Source = Source(s), OccurredAt = s.OccurredAt,
            HoldingId = holdingId, OwnerIsil = s.Isil, Details = details, ChangedFields = Diff(old.Fields(), row.Fields()),
        });
    }

    private void ApplyHoldingGone(HoldingGone g)
    {
        var tracked = set.Holding(g.LocalId);
        var old = tracked.Row;
        if (old is null || old.Withdrawn) { Skipped++; return; }
        if (IsStale(old.SourceVersion, g)) return;
        old.Withdrawn = true;
        old.Status = nameof(HoldingStatus.Withdrawn);
        old.SourceVersion = g.SourceVersion;
        old.UpdatedAt = updatedAt;
        old.WithHash();
        tracked.Dirty = true;
        _events.Add(Withdrawn(g, HoldingId.Parse(tracked.CanonicalId), Isil.Parse(old.Isil), old.Barcode));
    }

    private HoldingWithdrawn Withdrawn(CanonicalChange change, HoldingId id, Isil isil, string? barcode) => new()
    {
        EventId = Guid.CreateVersion7(), Source = Source(change), OccurredAt = change.OccurredAt,
        HoldingId = id, OwnerIsil = isil, Barcode = barcode,
    };

    private void ApplyLoan(LoanSnapshot s)
    {
        var tracked = set.Loan(s.LocalId);
        var old = tracked.Row;
        if (IsStale(old?.SourceVersion, s)) return;
        // Old history that retention pseudonymised stays unlinked, even if the source sends the loan again.
        if (old?.PseudonymisedAt is not null) { Skipped++; return; }
        var member = set.Member(s.MemberLocalId);
        if (IsErased(member.Row)) return;
        var holding = set.Holding(s.HoldingLocalId);
        var row = new LoanRow
        {
            Id = tracked.CanonicalId,
            Kind = nameof(LoanKind.Physical),
            MemberId = member.CanonicalId,
            HoldingId = holding.CanonicalId,
            Isil = s.Isil.Value,
            InstallationId = set.InstallationId,
            Title = s.Title ?? holding.Row?.Title,
            StartedAt = Iso(s.StartedAt),
            DueAt = s.DueAt is { } due ? Iso(due) : null,
            EndedAt = s.EndedAt is { } end ? Iso(end) : null,
            Renewals = s.Renewals,
            SourceVersion = s.SourceVersion,
            UpdatedAt = updatedAt,
        }.WithHash();
        tracked.Row = row;
        tracked.Dirty = true;
        if (old is not null && old.ContentHash == row.ContentHash) return;
        var loanId = LoanId.Parse(tracked.CanonicalId);
        var memberId = MemberId.Parse(member.CanonicalId);
        var holdingId = HoldingId.Parse(holding.CanonicalId);
        if (old is null)
        {
            _events.Add(new LoanStarted
            {
                EventId = Guid.CreateVersion7(), Source = Source(s), OccurredAt = s.OccurredAt,
                LoanId = loanId, Kind = LoanKind.Physical, MemberId = memberId, HoldingId = holdingId, Title = row.Title,
                LendingIsil = s.Isil, StartedAt = s.StartedAt, DueAt = s.DueAt,
            });
        }
        else if (old.EndedAt is null && s.EndedAt is null && (s.Renewals != old.Renewals || row.DueAt != old.DueAt))
        {
            _events.Add(new LoanRenewed
            {
                EventId = Guid.CreateVersion7(), Source = Source(s), OccurredAt = s.OccurredAt,
                LoanId = loanId, MemberId = memberId, LendingIsil = s.Isil, DueAt = s.DueAt, Renewals = s.Renewals,
            });
        }
        if (s.EndedAt is { } ended && old?.EndedAt is null)
        {
            _events.Add(new LoanEnded
            {
                EventId = Guid.CreateVersion7(), Source = Source(s), OccurredAt = s.OccurredAt,
                LoanId = loanId, MemberId = memberId, HoldingId = holdingId, LendingIsil = s.Isil, EndedAt = ended,
            });
        }
    }

    private static string Iso(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static List<string> Diff(IEnumerable<(string Field, string? Value)> before, IEnumerable<(string Field, string? Value)> after)
        => [.. before.Zip(after).Where(p => p.First.Value != p.Second.Value).Select(p => p.First.Field)];

    private static MemberProfile ProfileOf(MemberSnapshot s) => MemberProfile.Of(new Member
    {
        Id = default, HomeIsil = s.HomeIsil, CardNumber = s.CardNumber, BirthDate = s.BirthDate, Address = s.Address,
        Category = s.Category, Status = s.Status, ExpiresOn = s.ExpiresOn,
    });

    private static HoldingDetails DetailsOf(HoldingSnapshot s) => new(s.Barcode, s.Bibliographic, s.Title, s.Author, s.MaterialType,
        s.Location, s.Shelfmark, s.Status, s.RawStatus, s.LendableForIbl);
}
