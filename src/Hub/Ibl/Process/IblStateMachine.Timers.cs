using Lsb.Hub.Canonical.Events;
using Lsb.Hub.Ibl.Model;
using Lsb.Hub.Ibl.Timers;

namespace Lsb.Hub.Ibl.Process;

/// <summary>Timers: remind a silent lender, pass over one that stays silent, mark a loan overdue.</summary>
public sealed partial class IblStateMachine
{
    private IblOutcome Timer(IblTransition t, TimerFired fired)
    {
        var r = t.R;
        if (r.IsTerminal) return IblOutcome.Applied;
        var current = t.Case.Current;
        switch (fired.Kind)
        {
            case IblTimerKind.LenderReminder when current is not null && current.Position == fired.Token && IblStates.IsAwaitingAnswer(r.State) && current.RemindedAt is null:
                current.RemindedAt = t.NowText;
                current.Dirty = true;
                t.Note($"reminder: {current.Agency} has not answered for {Options.Timers.LenderReminderAfter}", null, current.Agency);
                if (current.Channel == LenderChannel.Iso18626)
                    ToSupplier(t, current, "requestingAgencyMessage:Notification", $"Reminder: please answer request {current.PeerRequestId ?? r.Id}.");
                return IblOutcome.Applied;
            case IblTimerKind.LenderAnswerDue when current is not null && current.Position == fired.Token && IblStates.IsAwaitingAnswer(r.State):
                PassOver(t, RotaEntryStatus.NoAnswer, $"no answer from {current.Agency}",
                    $"no answer within {Options.Timers.LenderAnswerTimeout}");
                return IblOutcome.Applied;
            case IblTimerKind.LoanDue when fired.Token == r.Renewals && r.State is IblRequestState.Loaned or IblRequestState.Received:
                if (IblClock.ParseOrNull(r.DueAt) is not { } due || due + Options.Timers.OverdueGrace > t.Now) return IblOutcome.Applied;
                t.MoveTo(IblRequestState.Overdue, $"due date {due:yyyy-MM-dd} passed");
                ToRequester(t, "Overdue");
                return IblOutcome.Applied;
            default:
                return IblOutcome.Applied;
        }
    }
}
