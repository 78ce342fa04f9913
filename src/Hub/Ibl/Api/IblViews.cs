using Lsb.Hub.Canonical.Events;
using Lsb.Hub.Ibl.Model;
using Lsb.Hub.Ibl.Process;

namespace Lsb.Hub.Ibl.Api;

/// <summary>Builds what the API shows of a request for a key with given roles.</summary>
public static class IblViews
{
    /// <summary>The view of <paramref name="c"/> for <paramref name="roles"/>.</summary>
    public static IblRequestView Of(IblCase c, IReadOnlyList<HistoryEntry> history, IblRoles roles)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(history);
        var r = c.Request;
        var seesMember = (roles & (IblRoles.Borrower | IblRoles.Admin)) != 0;
        var current = c.Current;
        return new IblRequestView(
            r.Id, r.State.ToString(), r.Origin.ToString(), r.RequestingAgency,
            seesMember ? r.MemberId : null, r.PatronPseudonym,
            new IblBibliographicView(r.Isbn, r.Ppn, r.OclcNumber, r.Title, r.Author),
            r.PickupLocation,
            current is null ? null : new IblLenderView(current.Agency, current.Position, current.Channel.ToString(), current.HoldingId),
            r.ItemBarcode, IblClock.ParseOrNull(r.DueAt), r.Renewals, r.Reason, r.Attention,
            IblClock.Parse(r.CreatedAt), IblClock.Parse(r.UpdatedAt), IblClock.ParseOrNull(r.EndedAt),
            AllowedActions(c, roles),
            [.. c.Rota.Select(e => new IblRotaEntryView(e.Position, e.Agency, e.Channel.ToString(), e.Status.ToString(), e.Reason, e.HoldingId, e.Barcode,
                e.Location, IblClock.ParseOrNull(e.RemindedAt)))],
            [.. c.Steps.Where(s => Visible(s, roles)).Select(s => new IblStepView(s.StepId, s.Kind.ToString(), s.Party.ToString(), s.Agency, s.Status.ToString(),
                s.Message, IblClock.Parse(s.CreatedAt), IblClock.ParseOrNull(s.CompletedAt)))],
            [.. history.Select(h => new IblHistoryView(IblClock.Parse(h.At), h.FromState?.ToString(), h.ToState.ToString(), h.What, h.Actor, h.Agency, h.Note))]);
    }

    /// <summary>The actions a key with <paramref name="roles"/> may take on <paramref name="c"/> now.</summary>
    public static IReadOnlyList<string> AllowedActions(IblCase c, IblRoles roles)
    {
        ArgumentNullException.ThrowIfNull(c);
        var actions = new List<IblAction>();
        var state = c.Request.State;
        var admin = (roles & IblRoles.Admin) != 0;
        if (!IblStates.IsTerminal(state) && c.Request.Origin == IblOrigin.Api && (admin || (roles & IblRoles.Borrower) != 0))
        {
            if (IblStates.IsBeforeShipping(state)) actions.Add(IblAction.Cancel);
            if (state is IblRequestState.Loaned or IblRequestState.Overdue or IblRequestState.Recalled) actions.Add(IblAction.Received);
            if (IblStates.IsOut(state)) actions.Add(IblAction.ShippedReturn);
            if (state is IblRequestState.Received or IblRequestState.Overdue) actions.Add(IblAction.Renew);
        }
        if (!IblStates.IsTerminal(state) && c.Current is { Channel: LenderChannel.Adapter } && (admin || (roles & IblRoles.Lender) != 0))
        {
            if (state == IblRequestState.SentToSupplier) actions.Add(IblAction.ExpectToSupply);
            if (IblStates.IsAwaitingAnswer(state)) actions.Add(IblAction.WillSupply);
            if (IblStates.IsAwaitingAnswer(state) || state == IblRequestState.WillSupply)
            {
                actions.Add(IblAction.Unfilled);
                actions.Add(IblAction.Shipped);
            }
            if (IblStates.IsOut(state) && state != IblRequestState.Recalled) actions.Add(IblAction.Recall);
            if (IblStates.IsOut(state) || state == IblRequestState.ShippedReturn) actions.Add(IblAction.CheckedIn);
        }
        if (c.Steps.Any(s => s.Status is IblStepStatus.Manual or IblStepStatus.Failed && Acts(s, roles))) actions.Add(IblAction.ManualStepDone);
        return [.. actions.Select(a => a.ToString())];
    }

    private static bool Acts(IblStep step, IblRoles roles)
        => (roles & IblRoles.Admin) != 0
            || (step.Party == IblParty.Borrower && (roles & IblRoles.Borrower) != 0)
            || (step.Party == IblParty.Lender && (roles & IblRoles.Lender) != 0);

    // A lender sees its own steps and the hub's; the borrower's steps at the borrowing library are none of its business.
    private static bool Visible(IblStep step, IblRoles roles)
        => (roles & (IblRoles.Admin | IblRoles.Borrower)) != 0 || step.Party != IblParty.Borrower;
}
