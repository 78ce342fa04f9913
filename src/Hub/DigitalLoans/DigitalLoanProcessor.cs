using System.Data.Common;
using System.Globalization;
using Lsb.Hub.Canonical.Events;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Canonical.Loans;
using Lsb.Hub.Storage;

namespace Lsb.Hub.DigitalLoans;

/// <summary>
/// Turns e-book loan events into canonical digital loans and canonical events, inside the caller's transaction.
/// Events are grouped by loan; a loan's events are applied in order (its start first, then renewals and end by time).
/// A group without a known member, or without a start, waits in <c>digital_loan_events</c>. Used by the intake
/// (new events) and by ingest (waiting events whose member just arrived), so both decide alike.
/// </summary>
public static class DigitalLoanProcessor
{
    /// <summary>Applies <paramref name="events"/> (new and woken, each with <see cref="IntakeEvent.MemberId"/> set where
    /// known) and writes the results. Returns the canonical events to append (source <c>kb-ebook-platform</c>).
    /// <paramref name="loans"/>, when given, holds the events' loans already read by key; otherwise they are read here.</summary>
    public static async Task<List<CanonicalEvent>> ProcessAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect,
        IReadOnlyList<IntakeEvent> events, DateTimeOffset now, CancellationToken cancellationToken, Dictionary<string, DigitalLoanRow>? loans = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        var output = new List<CanonicalEvent>();
        if (events.Count == 0) return output;
        loans ??= await DigitalLoanStore.LoadLoansAsync(connection, transaction, dialect, events.Select(e => e.LoanKey).ToHashSet(StringComparer.Ordinal), cancellationToken);
        var stored = events.Where(e => !e.IsNew).ToDictionary(e => e.EventId, e => e.State, StringComparer.Ordinal);
        foreach (var group in events.GroupBy(e => e.LoanKey, StringComparer.Ordinal))
        {
            loans.TryGetValue(group.Key, out var loan);
            var memberId = loan?.MemberId ?? group.Select(e => e.MemberId).FirstOrDefault(m => m is not null);
            if (memberId is null)
            {
                foreach (var e in group) e.State = IntakeState.WaitingForMember;
                continue;
            }
            var ordered = group.OrderBy(e => e.Type == DigitalLoanEventType.Started ? 0 : 1).ThenBy(e => e.OccurredAt)
                .ThenBy(e => e.Type).ThenBy(e => e.EventId, StringComparer.Ordinal).ToList();
            if (loan is null && ordered[0].Type != DigitalLoanEventType.Started)
            {
                foreach (var e in ordered) e.State = IntakeState.WaitingForStart;
                continue;
            }
            foreach (var e in ordered)
            {
                var result = Apply(e, group.Key, memberId, ref loan);
                e.State = result is null ? IntakeState.Ignored : IntakeState.Applied;
                if (result is not null) output.Add(result);
            }
            loans[group.Key] = loan!;
        }
        await DigitalLoanStore.WriteAsync(connection, transaction, events, stored, loans.Values, now, cancellationToken);
        return output;
    }

    private static CanonicalEvent? Apply(IntakeEvent e, string loanKey, string memberId, ref DigitalLoanRow? loan)
    {
        var source = new EventSource(DigitalLoanSource.System, e.EventId);
        if (e.Type == DigitalLoanEventType.Started)
        {
            if (loan is not null) return null;
            loan = new DigitalLoanRow
            {
                Id = LoanId.New().ToString(), ExternalKey = loanKey, MemberId = memberId, Isil = e.HomeIsil, EbookIsbn = e.Isbn, Title = e.Title,
                StartedAt = Iso(e.StartedAt!.Value), DueAt = e.DueAt is { } due ? Iso(due) : null, SourceVersion = e.OccurredAt.UtcTicks, Dirty = true,
            };
            return new LoanStarted
            {
                EventId = Uuid7.New(), Source = source, OccurredAt = e.OccurredAt, LoanId = LoanId.Parse(loan.Id), Kind = LoanKind.Digital,
                MemberId = MemberId.Parse(memberId), EbookIsbn = e.Isbn, Title = e.Title, LendingIsil = Isil.Parse(e.HomeIsil),
                StartedAt = e.StartedAt!.Value, DueAt = e.DueAt,
            };
        }
        if (loan is null || loan.EndedAt is not null) return null;
        loan.SourceVersion = Math.Max(loan.SourceVersion, e.OccurredAt.UtcTicks);
        loan.Dirty = true;
        if (e.Type == DigitalLoanEventType.Renewed)
        {
            loan.DueAt = Iso(e.DueAt!.Value);
            loan.Renewals++;
            return new LoanRenewed
            {
                EventId = Uuid7.New(), Source = source, OccurredAt = e.OccurredAt, LoanId = LoanId.Parse(loan.Id),
                MemberId = MemberId.Parse(loan.MemberId), LendingIsil = Isil.Parse(loan.Isil), DueAt = e.DueAt, Renewals = loan.Renewals,
            };
        }
        var ended = e.EndedAt ?? e.OccurredAt;
        loan.EndedAt = Iso(ended);
        return new LoanEnded
        {
            EventId = Uuid7.New(), Source = source, OccurredAt = e.OccurredAt, LoanId = LoanId.Parse(loan.Id),
            MemberId = MemberId.Parse(loan.MemberId), LendingIsil = Isil.Parse(loan.Isil), EndedAt = ended,
        };
    }

    private static string Iso(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

}
