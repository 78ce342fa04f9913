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
    private readonly List<UnattributedGuestAccountLoan> _unattributed = [];

    /// <summary>The events decided so far, in order.</summary>
    public IReadOnlyList<CanonicalEvent> Events => _events;

    /// <summary>Member snapshots applied so far (not stale), for <see cref="IIngestParticipant"/>s.</summary>
    public IReadOnlyList<AppliedMember> AppliedMembers => _appliedMembers;

    /// <summary>Loans the lending system reports to a guest account without a guest loan of the hub: not applied.</summary>
    public IReadOnlyList<UnattributedGuestAccountLoan> Unattributed => _unattributed;

    /// <summary>Changes that were not newer than the hub's state (duplicates or stale).</summary>
    public int Skipped { get; private set; }

    /// <summary>Of <see cref="Skipped"/>: changes of an entity whose library moved, from the installation that is not
    /// its system of record at the time (the target before the cut-over, the source once the target has written it).</summary>
    public int Superseded { get; private set; }

    /// <summary>Changes with which a library's new installation took an entity over after a move.</summary>
    public int TakenOver { get; private set; }

    /// <summary>Changes of the installation a library left, applied during the overlap after its move.</summary>
    public int LateFromOldInstallation { get; private set; }

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

    /// <summary>The source version of a row a library move handed to its new installation at the cut-over: that
    /// installation has not reported the entity yet, so any version of it is newer.</summary>
    public const long MovedVersion = -1;

    // Two installations report one entity only after a library moved (Consolidation). At the cut-over the move binds the
    // library's rows to the new installation with MovedVersion. Source versions of two systems are not comparable, so:
    //  - a change of the row's installation follows the version rule (the new installation's first change beats
    //    MovedVersion; content then decides the event, so the migrated copy of unchanged data makes none);
    //  - a late change of the old installation (the overlap) counts while the new one has not spoken about the entity
    //    (MovedVersion), and leaves the row bound to the new installation;
    //  - a change through a move's id-map entry whose cut-over (BoundAt) has passed takes a row over that is still on
    //    the old installation's clock (a page read before the cut-over and applied after it);
    //  - anything else is superseded: the new installation's copy before its cut-over, the old installation's changes
    //    once the new one has written the entity.
    private Clock Decide<TRow>(Tracked<TRow> tracked, string? rowInstallation, long? storedVersion, CanonicalChange change) where TRow : class
    {
        if (rowInstallation is null || string.Equals(rowInstallation, set.InstallationId, StringComparison.Ordinal))
            return IsStale(storedVersion, change) ? Clock.Skip : Clock.Apply;
        if (storedVersion == MovedVersion)
        {
            LateFromOldInstallation++;
            return Clock.ApplyKeepingBinding;
        }
        if (tracked.BoundAt is { } boundAt
            && DateTimeOffset.Parse(boundAt, CultureInfo.InvariantCulture) <= DateTimeOffset.Parse(updatedAt, CultureInfo.InvariantCulture))
        {
            TakenOver++;
            return Clock.Apply;
        }
        Skipped++;
        Superseded++;
        return Clock.Skip;
    }

    // Writes who the row belongs to after applying a change: the change's installation, or (a late change of the
    // installation a library left) still the new one, which has yet to report the entity.
    private void Bind(Clock clock, Action<string, long> bind, string? oldInstallation, long version)
    {
        if (clock == Clock.ApplyKeepingBinding) bind(oldInstallation!, MovedVersion);
        else bind(set.InstallationId, version);
    }

    private enum Clock
    {
        Skip,
        Apply,
        ApplyKeepingBinding,
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
        if (IsErased(old)) return;
        var clock = Decide(tracked, old?.InstallationId, old?.SourceVersion, s);
        if (clock == Clock.Skip) return;
        var row = MemberRow.From(s, tracked.CanonicalId, set.InstallationId, updatedAt);
        Bind(clock, (i, v) => (row.InstallationId, row.SourceVersion) = (i, v), old?.InstallationId, s.SourceVersion);
        tracked.Row = row;
        tracked.Dirty = true;
        var unchanged = old is not null && !old.Removed && old.ContentHash == row.ContentHash;
        var identityChanged = old is null || old.Removed || !string.Equals(old.CardNumber, row.CardNumber, StringComparison.Ordinal)
            || !string.Equals(old.NationalUserId, row.NationalUserId, StringComparison.Ordinal) || !string.Equals(old.BirthDate, row.BirthDate, StringComparison.Ordinal);
        _appliedMembers.Add(new AppliedMember(s, row, !unchanged, identityChanged));
        if (unchanged) return;
        var profile = ProfileOf(s);
        var memberId = MemberId.Parse(tracked.CanonicalId);
        if (old is null || old.Removed)
        {
            _events.Add(new MemberRegistered
            {
                EventId = Uuid7.New(), Source = Source(s), OccurredAt = s.OccurredAt,
                MemberId = memberId, HomeIsil = s.HomeIsil, Profile = profile,
            });
            return;
        }
        _events.Add(new MemberUpdated
        {
            EventId = Uuid7.New(), Source = Source(s), OccurredAt = s.OccurredAt,
            MemberId = memberId, HomeIsil = s.HomeIsil, Profile = profile, ChangedFields = MemberRow.ChangedFields(old, row),
        });
    }

    private void ApplyMemberGone(MemberGone g)
    {
        var tracked = set.Member(g.LocalId);
        var old = tracked.Row;
        if (old is null || old.Removed) { Skipped++; return; }
        var clock = Decide(tracked, old.InstallationId, old.SourceVersion, g);
        if (clock == Clock.Skip) return;
        // A copy: a row as read is never changed in place (rows are kept between pages and read by the page before).
        var row = old.Copy();
        row.ScrubPersonalData();
        Bind(clock, (i, v) => (row.InstallationId, row.SourceVersion) = (i, v), old.InstallationId, g.SourceVersion);
        row.UpdatedAt = updatedAt;
        row.WithHash();
        tracked.Row = row;
        tracked.Dirty = true;
        _events.Add(new MemberRemoved
        {
            EventId = Uuid7.New(), Source = Source(g), OccurredAt = g.OccurredAt,
            MemberId = MemberId.Parse(tracked.CanonicalId), HomeIsil = Isil.Parse(old.HomeIsil),
        });
    }

    private void ApplyHolding(HoldingSnapshot s)
    {
        var tracked = set.Holding(s.LocalId);
        var old = tracked.Row;
        var clock = Decide(tracked, old?.InstallationId, old?.SourceVersion, s);
        if (clock == Clock.Skip) return;
        var row = HoldingRow.From(s, tracked.CanonicalId, set.InstallationId, updatedAt);
        Bind(clock, (i, v) => (row.InstallationId, row.SourceVersion) = (i, v), old?.InstallationId, s.SourceVersion);
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
                EventId = Uuid7.New(), Source = Source(s), OccurredAt = s.OccurredAt,
                HoldingId = holdingId, OwnerIsil = s.Isil, Details = details,
            });
            return;
        }
        _events.Add(new HoldingChanged
        {
            EventId = Uuid7.New(), Source = Source(s), OccurredAt = s.OccurredAt,
            HoldingId = holdingId, OwnerIsil = s.Isil, Details = details, ChangedFields = HoldingRow.ChangedFields(old, row),
        });
    }

    private void ApplyHoldingGone(HoldingGone g)
    {
        var tracked = set.Holding(g.LocalId);
        var old = tracked.Row;
        if (old is null || old.Withdrawn) { Skipped++; return; }
        var clock = Decide(tracked, old.InstallationId, old.SourceVersion, g);
        if (clock == Clock.Skip) return;
        var row = old.Copy();
        Bind(clock, (i, v) => (row.InstallationId, row.SourceVersion) = (i, v), old.InstallationId, g.SourceVersion);
        row.Withdrawn = true;
        row.Status = nameof(HoldingStatus.Withdrawn);
        row.UpdatedAt = updatedAt;
        row.WithHash();
        tracked.Row = row;
        tracked.Dirty = true;
        _events.Add(Withdrawn(g, HoldingId.Parse(tracked.CanonicalId), Isil.Parse(old.Isil), old.Barcode));
    }

    private HoldingWithdrawn Withdrawn(CanonicalChange change, HoldingId id, Isil isil, string? barcode) => new()
    {
        EventId = Uuid7.New(), Source = Source(change), OccurredAt = change.OccurredAt,
        HoldingId = id, OwnerIsil = isil, Barcode = barcode,
    };

    private void ApplyLoan(LoanSnapshot s)
    {
        Tracked<LoanRow> tracked;
        Clock clock;
        string? guestMember = null;
        if (!set.Loans.ContainsKey(s.LocalId) && set.Members.TryGetValue(s.MemberLocalId, out var borrower)
            && set.GuestLoans.IsGuestAccount(borrower.Row?.CardNumber))
        {
            if (AttributeToGuest(s, borrower.Row!.CardNumber!) is not { } guestLoan) return;
            // The hub's record and the lending system count versions differently: the system's first report of the loan counts.
            (tracked, guestMember, clock) = (guestLoan.Tracked, guestLoan.MemberId, Clock.Apply);
        }
        else
        {
            tracked = set.Loan(s.LocalId);
            clock = Decide(tracked, tracked.Row?.InstallationId, tracked.Row?.SourceVersion, s);
            if (clock == Clock.Skip) return;
        }
        var old = tracked.Row;
        // Old history that retention pseudonymised stays unlinked, even if the source sends the loan again.
        if (old?.PseudonymisedAt is not null) { Skipped++; return; }
        var guest = guestMember is not null || (old is not null && set.GuestLoans.IsGuestLoan(tracked.CanonicalId));
        // A guest loan the hub ended (a return anywhere) stays ended: a report of it still open is older than the return.
        if (guest && old?.EndedAt is not null && s.EndedAt is null) { Skipped++; return; }
        var member = guest ? null : set.Member(s.MemberLocalId);
        if (IsErased(member?.Row)) return;
        var holding = set.Holding(s.HoldingLocalId);
        var row = new LoanRow
        {
            Id = tracked.CanonicalId,
            Kind = nameof(LoanKind.Physical),
            // A guest loan is the guest's, whichever account the lending system lent it to.
            MemberId = member?.CanonicalId ?? guestMember ?? old!.MemberId,
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
        Bind(clock, (i, v) => (row.InstallationId, row.SourceVersion) = (i, v), old?.InstallationId, s.SourceVersion);
        tracked.Row = row;
        tracked.Dirty = true;
        if (old is not null && old.ContentHash == row.ContentHash) return;
        var loanId = LoanId.Parse(tracked.CanonicalId);
        var memberId = MemberId.Parse(row.MemberId);
        var holdingId = HoldingId.Parse(holding.CanonicalId);
        if (old is null)
        {
            _events.Add(new LoanStarted
            {
                EventId = Uuid7.New(), Source = Source(s), OccurredAt = s.OccurredAt,
                LoanId = loanId, Kind = LoanKind.Physical, MemberId = memberId, HoldingId = holdingId, Title = row.Title,
                LendingIsil = s.Isil, StartedAt = s.StartedAt, DueAt = s.DueAt,
            });
        }
        // The due date the hub recorded for a guest loan came from the check-out's answer: only a renewal is news when the
        // lending system first reports the loan.
        else if (old.EndedAt is null && s.EndedAt is null && (s.Renewals != old.Renewals || (row.DueAt != old.DueAt && guestMember is null)))
        {
            _events.Add(new LoanRenewed
            {
                EventId = Uuid7.New(), Source = Source(s), OccurredAt = s.OccurredAt,
                LoanId = loanId, MemberId = memberId, LendingIsil = s.Isil, DueAt = s.DueAt, Renewals = s.Renewals,
            });
        }
        if (s.EndedAt is { } ended && old?.EndedAt is null)
        {
            _events.Add(new LoanEnded
            {
                EventId = Uuid7.New(), Source = Source(s), OccurredAt = s.OccurredAt,
                LoanId = loanId, MemberId = memberId, HoldingId = holdingId, LendingIsil = s.Isil, EndedAt = ended,
            });
            if (guest) set.GuestLoans.Ended.Add(tracked.CanonicalId);
        }
    }

    // The lending system's loan to a guest account is the guest loan the hub recorded when it lent the copy for a member of
    // another library (patron services): its local id is mapped onto that loan, and it is NEVER recorded as a loan of the
    // account. A guest loan made at the lending desk, with the member's card noted on the loan, is recorded as the member's
    // now. Otherwise the change is not applied and goes on to fail visibly (IngestHandler).
    private (Tracked<LoanRow> Tracked, string MemberId)? AttributeToGuest(LoanSnapshot s, string guestAccount)
    {
        var holdingId = set.Holdings.TryGetValue(s.HoldingLocalId, out var holding) && holding.Row is not null ? holding.CanonicalId : null;
        if (holdingId is not null && set.GuestLoans.Claim(holdingId, guestAccount) is { } guestLoan)
            return (set.AdoptLoan(s.LocalId, guestLoan.Loan), guestLoan.Loan.MemberId);
        if (holdingId is not null && set.GuestLoans.Member(s.GuestCardNumber) is { } member && member.InstallationId != set.InstallationId)
        {
            var tracked = set.Loan(s.LocalId);
            set.GuestLoans.Recorded.Add(new RecordedGuestLoan(tracked.CanonicalId, holdingId, member.InstallationId, guestAccount));
            return (tracked, member.MemberId);
        }
        _unattributed.Add(new UnattributedGuestAccountLoan(s, guestAccount, holdingId));
        return null;
    }

    private static string Iso(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static MemberProfile ProfileOf(MemberSnapshot s) => MemberProfile.Of(new Member
    {
        Id = default, HomeIsil = s.HomeIsil, CardNumber = s.CardNumber, BirthDate = s.BirthDate, Address = s.Address,
        Category = s.Category, Status = s.Status, ExpiresOn = s.ExpiresOn,
    });

    private static HoldingDetails DetailsOf(HoldingSnapshot s) => new(s.Barcode, s.Bibliographic, s.Title, s.Author, s.MaterialType,
        s.Location, s.Shelfmark, s.Status, s.RawStatus, s.LendableForIbl);
}
