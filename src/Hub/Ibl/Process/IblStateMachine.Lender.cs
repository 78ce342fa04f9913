using Lsb.Hub.Canonical.Events;
using Lsb.Hub.Ibl.Model;

namespace Lsb.Hub.Ibl.Process;

/// <summary>What the current lender says: will supply, cannot, shipped, recalled, checked in (and ISO 18626 supplier statuses).</summary>
public sealed partial class IblStateMachine
{
    private IblOutcome Lender(IblTransition t, LenderAnswered a)
    {
        var r = t.R;
        var current = t.Case.Current;
        if (current is null || !IblLibraries.SameLibrary(current.Agency, a.Agency))
            return Refuse($"{a.Agency} is not the current lender of request {r.Id}" + (r.LenderAgency is null ? " (no lender has it yet)." : $" ({r.LenderAgency} is)."));
        if (r.IsTerminal && a.Answer is not (LenderAnswer.Notification or LenderAnswer.Cancelled or LenderAnswer.RequestReceived))
            return Refuse($"Request {r.Id} has ended ({r.State}): nothing more can change it.");
        switch (a.Answer)
        {
            case LenderAnswer.RequestReceived:
            case LenderAnswer.Notification:
                t.Note(a.Answer == LenderAnswer.RequestReceived ? $"{a.Agency} received the request" : $"note from {a.Agency}", a.Reason, a.Agency);
                return IblOutcome.Applied;
            case LenderAnswer.ExpectToSupply:
                if (r.State == IblRequestState.ExpectToSupply) return IblOutcome.Applied;
                if (r.State != IblRequestState.SentToSupplier) return NotNow(r, a, "before it said WillSupply, while the request is SentToSupplier");
                t.MoveTo(IblRequestState.ExpectToSupply, $"{a.Agency} expects to supply", a.Reason);
                ToRequester(t, "ExpectToSupply");
                return IblOutcome.Applied;
            case LenderAnswer.WillSupply:
                if (r.State == IblRequestState.WillSupply) return IblOutcome.Applied;
                if (!IblStates.IsAwaitingAnswer(r.State)) return NotNow(r, a, "while the request is SentToSupplier or ExpectToSupply");
                t.MoveTo(IblRequestState.WillSupply, $"{a.Agency} will supply", a.Reason);
                ToRequester(t, "WillSupply");
                return IblOutcome.Applied;
            case LenderAnswer.Unfilled:
                if (!IblStates.IsAwaitingAnswer(r.State) && r.State != IblRequestState.WillSupply)
                    return NotNow(r, a, "before shipping (SentToSupplier, ExpectToSupply or WillSupply)");
                PassOver(t, RotaEntryStatus.Unfilled, $"{a.Agency} cannot supply", a.Reason ?? "no reason given");
                return IblOutcome.Applied;
            case LenderAnswer.Cancelled:
                if (r.State == IblRequestState.Cancelled) { t.Note($"{a.Agency} confirmed the cancellation", a.Reason, a.Agency); return IblOutcome.Applied; }
                if (r.IsTerminal || !IblStates.IsBeforeShipping(r.State)) { t.Note($"{a.Agency} says Cancelled (ignored in state {r.State})", a.Reason, a.Agency); return IblOutcome.Applied; }
                // A supplier that cancels will not supply: for the broker that is this lender's no, not the end of the request.
                PassOver(t, RotaEntryStatus.Cancelled, $"{a.Agency} cancelled", a.Reason ?? "the lender cancelled");
                return IblOutcome.Applied;
            case LenderAnswer.Shipped:
                if (!IblStates.IsAwaitingAnswer(r.State) && r.State != IblRequestState.WillSupply)
                    return NotNow(r, a, "after the request reached it and before it was shipped");
                current.Status = RotaEntryStatus.Supplying;
                current.UpdatedAt = t.NowText;
                current.Dirty = true;
                if (!string.IsNullOrWhiteSpace(a.Barcode)) r.ItemBarcode = a.Barcode.Trim();
                if (a.DueAt is { } due) r.DueAt = IblClock.Format(due);
                t.MoveTo(IblRequestState.Loaned, $"{a.Agency} shipped the copy" + (r.ItemBarcode is { } b ? $" (barcode {b})" : ""));
                if (current.Channel == LenderChannel.Adapter) t.AddStep(IblStepKind.LenderCheckOut, IblParty.Lender, current.Agency, current.Position);
                else ScheduleLoanDue(t);
                ToRequester(t, "Loaned");
                return IblOutcome.Applied;
            case LenderAnswer.Recalled:
                if (!IblStates.IsOut(r.State)) return NotNow(r, a, "while the copy is out (Loaned, Received, Overdue)");
                if (r.State == IblRequestState.Recalled) return IblOutcome.Applied;
                t.MoveTo(IblRequestState.Recalled, $"{a.Agency} recalls the copy", a.Reason);
                ToRequester(t, "Recalled", note: a.Reason);
                return IblOutcome.Applied;
            case LenderAnswer.Overdue:
                if (r.State is not (IblRequestState.Loaned or IblRequestState.Received)) return NotNow(r, a, "while the copy is Loaned or Received");
                t.MoveTo(IblRequestState.Overdue, $"{a.Agency} says the loan is overdue", a.Reason);
                ToRequester(t, "Overdue");
                return IblOutcome.Applied;
            case LenderAnswer.CheckedIn:
                if (!IblStates.IsOut(r.State) && r.State != IblRequestState.ShippedReturn) return NotNow(r, a, "once the copy was shipped");
                if (current.Channel != LenderChannel.Adapter) return Complete(t, a);
                if (t.Case.Steps.Any(s => s.Kind == IblStepKind.LenderCheckIn && s.Status is IblStepStatus.Pending)) return IblOutcome.Applied;
                t.Note($"{a.Agency} received the copy back; checking it in", a.Reason, a.Agency);
                t.AddStep(IblStepKind.LenderCheckIn, IblParty.Lender, current.Agency, current.Position);
                return IblOutcome.Applied;
            case LenderAnswer.LoanCompleted:
                if (!IblStates.IsOut(r.State) && r.State != IblRequestState.ShippedReturn) return NotNow(r, a, "once the copy was shipped");
                return Complete(t, a);
            case LenderAnswer.RenewAnswer:
                if (a.Yes == true)
                {
                    if (a.DueAt is { } renewed) r.DueAt = IblClock.Format(renewed);
                    r.Renewals++;
                    ScheduleLoanDue(t);
                    if (r.State == IblRequestState.Overdue) t.MoveTo(IblRequestState.Received, $"renewed by {a.Agency}");
                    else t.Note($"renewed by {a.Agency}", a.Reason, a.Agency);
                    if (r.Origin == IblOrigin.Api) t.AddStep(IblStepKind.RenewAtBorrower, IblParty.Borrower, r.RequestingAgency);
                    ToRequester(t, IsoStatus(r.State), "RenewResponse", "Y");
                }
                else
                {
                    t.Note($"{a.Agency} refused the renewal", a.Reason, a.Agency);
                    ToRequester(t, IsoStatus(r.State), "RenewResponse", "N", a.Reason);
                }
                return IblOutcome.Applied;
            default:
                return Refuse($"Unknown lender answer {a.Answer}.");
        }
    }

    private static IblOutcome Complete(IblTransition t, LenderAnswered a)
    {
        t.MoveTo(IblRequestState.LoanCompleted, $"{a.Agency} completed the loan", a.Reason);
        ToRequester(t, "LoanCompleted");
        return IblOutcome.Applied;
    }

    private static IblOutcome NotNow(IblRequest r, LenderAnswered a, string when)
        => Refuse($"{a.Answer} is possible only {when}; request {r.Id} is {r.State}.");
}
