using Lsb.Hub.Canonical.Commands;
using Lsb.Hub.Canonical.Events;
using Lsb.Hub.Canonical.Members;
using Lsb.Hub.Ibl.Model;

namespace Lsb.Hub.Ibl.Process;

/// <summary>What each adapter step's answer means for the request.</summary>
public sealed partial class IblStateMachine
{
    private IblOutcome StepDone(IblTransition t, StepFinished finished)
    {
        var step = t.Case.Steps.FirstOrDefault(s => s.StepId == finished.StepId);
        // A step carried out twice (a redelivered message) or one no longer wanted changes nothing the second time.
        if (step is null || step.Status is not IblStepStatus.Pending) return IblOutcome.Applied;
        var result = finished.Result;
        var status = result.Outcome switch
        {
            CommandOutcome.Succeeded or CommandOutcome.AlreadyDone => IblStepStatus.Done,
            CommandOutcome.ManualActionRequired => IblStepStatus.Manual,
            CommandOutcome.NotSupported when step.Kind is IblStepKind.CreateTemporaryItem or IblStepKind.DeleteTemporaryItem => IblStepStatus.Manual,
            _ => IblStepStatus.Failed,
        };
        Complete(t, step, status, result.Message, result.RawStatus);
        if (status == IblStepStatus.Done && result.VendorRequestId is { } vendorRequest && step.Kind == IblStepKind.PlaceLenderHold) step.VendorRef = vendorRequest;
        if (status == IblStepStatus.Done && result.VendorItemId is { } vendorItem && step.Kind == IblStepKind.CreateTemporaryItem) step.VendorRef = vendorItem;
        if (status == IblStepStatus.Manual)
        {
            t.Note($"{step.Kind} needs staff at {step.Agency}", $"{result.Message} Then post the action ManualStepDone with stepId {step.StepId}.", step.Agency);
            if (step.Kind is IblStepKind.PlaceLenderHold or IblStepKind.ValidatePatron) Continue(t, step, result);
            return IblOutcome.Applied;
        }
        Continue(t, step, result);
        return IblOutcome.Applied;
    }

    private IblOutcome ManualDone(IblTransition t, ManualStepConfirmed confirmed)
    {
        var step = t.Case.Steps.FirstOrDefault(s => s.StepId == confirmed.StepId);
        if (step is null) return Refuse($"Request {t.R.Id} has no step '{confirmed.StepId}': take the stepId from the request's steps (GET /api/v1/ibl/requests/{t.R.Id}).");
        if (confirmed.Agency is not null && !IblLibraries.SameLibrary(confirmed.Agency, step.Agency))
            return Refuse($"Step {step.StepId} is for {step.Agency}; a key of {confirmed.Agency} cannot confirm it.");
        if (step.Status is not (IblStepStatus.Manual or IblStepStatus.Failed))
            return Refuse($"Step {step.StepId} ({step.Kind}) is {step.Status}: only a step waiting for staff (Manual) or refused by the library's system (Failed) can be confirmed as done by hand.");
        var wasFailed = step.Status == IblStepStatus.Failed;
        Complete(t, step, IblStepStatus.Done, $"done by hand ({t.Input.Actor})", step.RawStatus);
        if (confirmed.VendorItemId is not null) step.VendorRef = confirmed.VendorItemId;
        if (wasFailed && t.R.Attention is not null) t.R.Attention = null;
        Continue(t, step, new CommandResult { Outcome = CommandOutcome.Succeeded, VendorItemId = confirmed.VendorItemId, Message = "Done by hand." });
        return IblOutcome.Applied;
    }

    private static void Complete(IblTransition t, IblStep step, IblStepStatus status, string? message, string? rawStatus)
    {
        step.Status = status;
        step.Message = message;
        step.RawStatus = rawStatus;
        step.CompletedAt = t.NowText;
        step.Dirty = true;
    }

    /// <summary>Goes on after a step: <paramref name="result"/> is a success, a manual step treated as done, or a refusal.</summary>
    private void Continue(IblTransition t, IblStep step, CommandResult result)
    {
        var r = t.R;
        var ok = result.IsSuccess || result.Outcome is CommandOutcome.ManualActionRequired or CommandOutcome.NotSupported;
        switch (step.Kind)
        {
            case IblStepKind.ValidatePatron:
                if (r.State != IblRequestState.New) return;
                if (result.Patron is { Status: not MemberStatus.Active } patron)
                    t.MoveTo(IblRequestState.InvalidPatron, "the borrowing library's system refused the member",
                        $"The member is {patron.Status.ToString().ToLowerInvariant()} at {r.RequestingAgency}: resolve it there and place the request again.");
                else if (!ok)
                    t.MoveTo(IblRequestState.InvalidPatron, "the borrowing library's system refused the member", result.Message ?? $"Rejected ({result.Reason}).");
                else
                {
                    t.MoveTo(IblRequestState.Validated, $"member in good standing at {r.RequestingAgency}");
                    BeginSourcing(t);
                }
                return;
            case IblStepKind.PlaceLenderHold:
                if (step.Position != r.CurrentPosition || r.State != IblRequestState.Sourcing)
                {
                    // The request moved on while the hold was being placed (cancelled, a timeout): take the hold back.
                    if (result.IsSuccess && result.VendorRequestId is { } late)
                        t.AddStep(IblStepKind.CancelLenderHold, IblParty.Lender, step.Agency, step.Position, late);
                    return;
                }
                if (ok)
                {
                    r.LenderHoldId = result.VendorRequestId;
                    t.MoveTo(IblRequestState.SentToSupplier, $"request placed at {step.Agency}" +
                        (result.VendorRequestId is { } hold ? $" (hold {hold} for the institutional patron)" : " (staff place the hold by hand)"));
                    ScheduleAnswerTimers(t, step.Position!.Value);
                }
                else
                {
                    PassOver(t, RotaEntryStatus.Unfilled, $"{step.Agency}'s system refused the hold", result.Message ?? $"hold refused ({result.Reason})");
                }
                return;
            case IblStepKind.LenderCheckOut:
                if (!ok) { NeedsAttention(t, step, result, "check the copy out to the institutional patron by hand, then post ManualStepDone"); return; }
                if (result.DueAt is { } due)
                {
                    r.DueAt = IblClock.Format(due);
                    ScheduleLoanDue(t);
                }
                t.Note($"checked out at {step.Agency} to the institutional patron" + (result.DueAt is { } d ? $", due {d:yyyy-MM-dd}" : ""), null, step.Agency);
                // The hold only kept the copy for the request; left open it would block renewals and catch the copy on its return.
                if (r.LenderHoldId is { } helperHold)
                {
                    t.AddStep(IblStepKind.CancelLenderHold, IblParty.Lender, step.Agency, step.Position, helperHold);
                    r.LenderHoldId = null;
                }
                return;
            case IblStepKind.CreateTemporaryItem:
                if (!ok) { NeedsAttention(t, step, result, "create the temporary copy by hand, then post ManualStepDone"); return; }
                r.TempItemId = result.VendorItemId ?? step.VendorRef ?? r.TempItemId;
                if (IblStates.IsOut(r.State)) t.AddStep(IblStepKind.BorrowerCheckOut, IblParty.Borrower, r.RequestingAgency);
                return;
            case IblStepKind.BorrowerCheckOut:
                if (!ok) { NeedsAttention(t, step, result, "lend the temporary copy to the member by hand, then post ManualStepDone"); return; }
                t.Note($"lent to the member at {step.Agency}" + (result.DueAt is { } memberDue ? $", due {memberDue:yyyy-MM-dd}" : ""), null, step.Agency);
                return;
            case IblStepKind.RenewAtLender:
                if (ok)
                {
                    if (result.DueAt is { } renewedDue) r.DueAt = IblClock.Format(renewedDue);
                    r.Renewals++;
                    ScheduleLoanDue(t);
                    if (r.State == IblRequestState.Overdue) t.MoveTo(IblRequestState.Received, $"renewed by {step.Agency}");
                    else t.Note($"renewed by {step.Agency}" + (result.DueAt is { } rd ? $" until {rd:yyyy-MM-dd}" : ""), null, step.Agency);
                    if (r.Origin == IblOrigin.Api) t.AddStep(IblStepKind.RenewAtBorrower, IblParty.Borrower, r.RequestingAgency);
                    ToRequester(t, IsoStatus(r.State), "RenewResponse", "Y");
                }
                else
                {
                    t.Note($"{step.Agency} refused the renewal", result.Message, step.Agency);
                    ToRequester(t, IsoStatus(r.State), "RenewResponse", "N", result.Message);
                }
                return;
            case IblStepKind.BorrowerCheckIn:
                if (!ok) { NeedsAttention(t, step, result, "check the temporary copy in by hand, then post ManualStepDone"); return; }
                if (r.TempItemId is not null || t.Case.Steps.Any(s => s.Kind == IblStepKind.CreateTemporaryItem && s.Status == IblStepStatus.Done))
                    t.AddStep(IblStepKind.DeleteTemporaryItem, IblParty.Borrower, r.RequestingAgency);
                return;
            case IblStepKind.LenderCheckIn:
                if (!ok) { NeedsAttention(t, step, result, "check the copy in by hand, then post ManualStepDone"); return; }
                if (!IblStates.IsTerminal(r.State))
                {
                    t.MoveTo(IblRequestState.LoanCompleted, $"checked in at {step.Agency}");
                    ToRequester(t, "LoanCompleted");
                }
                return;
            case IblStepKind.CancelLenderHold or IblStepKind.RenewAtBorrower or IblStepKind.DeleteTemporaryItem:
                if (!ok) t.Note($"{step.Kind} at {step.Agency} was refused", result.Message, step.Agency);
                return;
            default:
                return;
        }
    }

    private static void NeedsAttention(IblTransition t, IblStep step, CommandResult result, string todo)
    {
        t.R.Attention = $"{step.Kind} at {step.Agency} was refused: {result.Message ?? result.Reason.ToString()}. Staff: {todo} (stepId {step.StepId}).";
        t.Note($"{step.Kind} at {step.Agency} was refused", result.Message, step.Agency);
    }
}
