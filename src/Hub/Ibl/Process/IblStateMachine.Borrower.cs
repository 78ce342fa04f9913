using Lsb.Hub.Canonical.Events;
using Lsb.Hub.Ibl.Model;

namespace Lsb.Hub.Ibl.Process;

/// <summary>What the borrowing library does: cancel, receive, return, renew (and ISO 18626 requester actions).</summary>
public sealed partial class IblStateMachine
{
    private IblOutcome Borrower(IblTransition t, BorrowerActed b)
    {
        var r = t.R;
        var current = t.Case.Current;
        switch (b.Action)
        {
            case BorrowerAction.Notification:
                t.Note($"note from {r.RequestingAgency}", b.Note, r.RequestingAgency);
                return IblOutcome.Applied;
            case BorrowerAction.StatusRequest:
                ToRequester(t, IsoStatus(r.State), "StatusRequestResponse");
                t.Note("status asked", null, r.RequestingAgency);
                return IblOutcome.Applied;
            case BorrowerAction.Cancel:
                if (r.State == IblRequestState.Cancelled) return IblOutcome.Applied;
                if (r.IsTerminal || !IblStates.IsBeforeShipping(r.State))
                {
                    if (r.Origin == IblOrigin.Iso18626)
                    {
                        // An external requester gets its answer as a message (CancelResponse N), like any supplier would give it.
                        ToRequester(t, IsoStatus(r.State), "CancelResponse", "N", "The copy has been shipped; it can no longer be cancelled.");
                        t.Note("cancellation refused: the copy has been shipped", null, r.RequestingAgency);
                        return IblOutcome.Applied;
                    }
                    return Refuse($"Request {r.Id} is {r.State}: " + (r.IsTerminal ? "it has ended." :
                        "the copy has been shipped, so it can no longer be cancelled; when it arrives, post Received, and return it with ShippedReturn."));
                }
                if (current is not null && current.Status == RotaEntryStatus.Selected)
                {
                    current.Status = RotaEntryStatus.Cancelled;
                    current.UpdatedAt = t.NowText;
                    current.Dirty = true;
                    ReleaseLender(t, current, "the borrowing library cancelled the request");
                }
                t.MoveTo(IblRequestState.Cancelled, $"cancelled by {r.RequestingAgency}", b.Note ?? "cancelled by the borrowing library");
                ToRequester(t, "Cancelled", "CancelResponse", "Y");
                return IblOutcome.Applied;
            case BorrowerAction.Received:
                if (r.State == IblRequestState.Received) return IblOutcome.Applied;
                if (r.State is not (IblRequestState.Loaned or IblRequestState.Overdue or IblRequestState.Recalled))
                    return Refuse($"Received is possible once the lender shipped the copy (Loaned); request {r.Id} is {r.State}.");
                t.MoveTo(IblRequestState.Received, $"{r.RequestingAgency} received the copy", b.Note);
                if (r.Origin == IblOrigin.Api) t.AddStep(IblStepKind.CreateTemporaryItem, IblParty.Borrower, r.RequestingAgency);
                if (current?.Channel == LenderChannel.Iso18626) ToSupplier(t, current, "requestingAgencyMessage:Received", b.Note);
                return IblOutcome.Applied;
            case BorrowerAction.ShippedReturn:
                if (r.State == IblRequestState.ShippedReturn) return IblOutcome.Applied;
                if (!IblStates.IsOut(r.State))
                    return Refuse($"ShippedReturn is possible while the copy is at the borrowing library (Received, Overdue, Recalled); request {r.Id} is {r.State}.");
                var wasReceived = r.State != IblRequestState.Loaned;
                t.MoveTo(IblRequestState.ShippedReturn, $"{r.RequestingAgency} shipped the copy back", b.Note);
                if (r.Origin == IblOrigin.Api && wasReceived) t.AddStep(IblStepKind.BorrowerCheckIn, IblParty.Borrower, r.RequestingAgency);
                if (current?.Channel == LenderChannel.Iso18626) ToSupplier(t, current, "requestingAgencyMessage:ShippedReturn", b.Note);
                return IblOutcome.Applied;
            case BorrowerAction.Renew:
                if (r.State is not (IblRequestState.Received or IblRequestState.Overdue))
                {
                    if (r.Origin == IblOrigin.Iso18626)
                    {
                        ToRequester(t, IsoStatus(r.State), "RenewResponse", "N", $"A loan can be renewed while it is Received or Overdue, not {r.State}.");
                        t.Note($"renewal refused in state {r.State}", null, r.RequestingAgency);
                        return IblOutcome.Applied;
                    }
                    return Refuse($"Renew is possible while the member has the copy (Received or Overdue, not recalled); request {r.Id} is {r.State}.");
                }
                if (current is null) return Refuse($"Request {r.Id} has no lender to ask.");
                t.Note($"renewal asked of {current.Agency}", b.Note, current.Agency);
                if (current.Channel == LenderChannel.Adapter) t.AddStep(IblStepKind.RenewAtLender, IblParty.Lender, current.Agency, current.Position);
                else ToSupplier(t, current, "requestingAgencyMessage:Renew", b.Note);
                return IblOutcome.Applied;
            default:
                return Refuse($"Unknown borrower action {b.Action}.");
        }
    }
}
