using Lsb.Hub.Canonical.Events;
using Lsb.Hub.Ibl.Model;
using Lsb.Hub.Ibl.Timers;

namespace Lsb.Hub.Ibl.Process;

/// <summary>Sourcing: the rota, choosing the next lender, and ending at the end of the rota.</summary>
public sealed partial class IblStateMachine
{
    private IblOutcome Sourced(IblTransition t, RotaFound found)
    {
        var step = t.Case.Steps.FirstOrDefault(s => s.StepId == found.StepId);
        if (step is null || step.Status != IblStepStatus.Pending) return IblOutcome.Applied;
        Complete(t, step, IblStepStatus.Done, $"{found.Lenders.Count(l => l.SkipReason is null)} lender(s) found", null);
        t.R.Title ??= found.Title;
        t.R.Author ??= found.Author;
        if (t.R.State != IblRequestState.Sourcing) return IblOutcome.Applied;
        var position = t.Case.Rota.Count == 0 ? 1 : t.Case.Rota.Max(r => r.Position) + 1;
        foreach (var lender in found.Lenders)
        {
            t.Case.Rota.Add(new RotaEntry
            {
                RequestId = t.R.Id, Position = position++, Agency = lender.Agency, Channel = lender.Channel, InstallationId = lender.InstallationId,
                HoldingId = lender.HoldingId, Barcode = lender.Barcode, LocalRecordId = lender.LocalRecordId, Location = lender.Location,
                Status = lender.SkipReason is null ? RotaEntryStatus.Candidate : RotaEntryStatus.Skipped, Reason = lender.SkipReason,
                UpdatedAt = t.NowText, IsNew = true,
            });
        }
        t.Note($"rota: {string.Join(", ", t.Case.Rota.Where(r => r.Status == RotaEntryStatus.Candidate).Select(r => r.Agency))}".TrimEnd(' ', ':'), null, "hub");
        NextLender(t);
        return IblOutcome.Applied;
    }

    /// <summary>Selects the next candidate of the rota and asks it; ends the request when there is none.</summary>
    private void NextLender(IblTransition t)
    {
        var r = t.R;
        var next = t.Case.Rota.Where(e => e.Status == RotaEntryStatus.Candidate).OrderBy(e => e.Position).FirstOrDefault();
        if (next is null)
        {
            var asked = t.Case.Rota.Where(e => e.Status is not (RotaEntryStatus.Candidate or RotaEntryStatus.Skipped)).ToList();
            var reason = asked.Count == 0
                ? "No other library has a copy of this title that is lendable through interlibrary loan and available."
                : "Every lender in the rota was asked: " + string.Join("; ", asked.Select(e => $"{e.Agency} {Describe(e.Status)}{(e.Reason is null ? "" : $" ({e.Reason})")}")) + ".";
            r.LenderHoldId = null;
            t.MoveTo(IblRequestState.EndOfRota, "end of rota", reason);
            ToRequester(t, "Unfilled", reasonUnfilled: "NotAvailable", note: reason);
            return;
        }
        next.Status = RotaEntryStatus.Selected;
        next.UpdatedAt = t.NowText;
        next.Dirty = true;
        r.CurrentPosition = next.Position;
        r.LenderAgency = next.Agency;
        r.HoldingId = next.HoldingId;
        r.ItemBarcode = next.Barcode;
        r.LenderHoldId = null;
        if (r.State != IblRequestState.Sourcing) t.MoveTo(IblRequestState.Sourcing, $"next lender: {next.Agency}");
        else t.Note($"asking {next.Agency} (rota position {next.Position})");
        if (next.Channel == LenderChannel.Adapter)
        {
            t.AddStep(IblStepKind.PlaceLenderHold, IblParty.Lender, next.Agency, next.Position);
        }
        else
        {
            next.PeerRequestId = r.Origin == IblOrigin.Iso18626 ? r.PeerRequestId : r.Id;
            ToSupplier(t, next, "request");
            t.MoveTo(IblRequestState.SentToSupplier, $"request sent to {next.Agency} over ISO 18626");
            ScheduleAnswerTimers(t, next.Position);
        }
        ToRequester(t, "ExpectToSupply", note: $"Asking {next.Agency}.");
    }

    private void ScheduleAnswerTimers(IblTransition t, int position)
    {
        t.Schedule(IblTimerKind.LenderReminder, t.Now + Options.Timers.LenderReminderAfter, position);
        t.Schedule(IblTimerKind.LenderAnswerDue, t.Now + Options.Timers.LenderAnswerTimeout, position);
    }

    private void ScheduleLoanDue(IblTransition t)
    {
        if (IblClock.ParseOrNull(t.R.DueAt) is { } due) t.Schedule(IblTimerKind.LoanDue, due + Options.Timers.OverdueGrace, t.R.Renewals);
    }

    /// <summary>The current lender is out: its hold is cancelled, the entry closed, and the next lender asked.</summary>
    private void PassOver(IblTransition t, RotaEntryStatus status, string what, string reason)
    {
        if (t.Case.Current is { } current)
        {
            current.Status = status;
            current.Reason = reason;
            current.UpdatedAt = t.NowText;
            current.Dirty = true;
            ReleaseLender(t, current, "the rota moved on");
        }
        t.MoveTo(IblRequestState.Unfilled, what, reason);
        NextLender(t);
    }

    /// <summary>Undoes what the hub asked of a lender: cancels the hold (adapter) or sends Cancel (ISO 18626).</summary>
    private static void ReleaseLender(IblTransition t, RotaEntry entry, string why)
    {
        if (entry.Channel == LenderChannel.Adapter)
        {
            if (t.R.LenderHoldId is { } hold) t.AddStep(IblStepKind.CancelLenderHold, IblParty.Lender, entry.Agency, entry.Position, hold);
        }
        else
        {
            ToSupplier(t, entry, "requestingAgencyMessage:Cancel", note: $"Cancelled: {why}.");
        }
        t.R.LenderHoldId = null;
    }

    private static string Describe(RotaEntryStatus status) => status switch
    {
        RotaEntryStatus.Unfilled => "could not supply",
        RotaEntryStatus.NoAnswer => "did not answer",
        RotaEntryStatus.Cancelled => "was cancelled",
        RotaEntryStatus.Supplying => "supplied",
        _ => status.ToString(),
    };
}
