using Lsb.Hub.Canonical.Events;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Ibl.Iso18626;
using Lsb.Hub.Ibl.Model;
using Lsb.Hub.Ibl.Outbox;
using Lsb.Hub.Ibl.Steps;
using Lsb.Hub.Ibl.Timers;

namespace Lsb.Hub.Ibl.Process;

/// <summary>
/// The changes one decision makes to a case: state moves with their history lines and canonical events, new steps,
/// timers and ISO 18626 messages (each with its outbox message). Used only by <see cref="IblStateMachine"/>.
/// </summary>
internal sealed class IblTransition(IblCase c, IblInput input, DateTimeOffset now, IblOptions options)
{
    public IblCase Case => c;
    public IblRequest R => c.Request;
    public IblInput Input => input;
    public IblOptions Options => options;
    public DateTimeOffset Now => now;
    public string NowText { get; } = IblClock.Format(now);

    /// <summary>Moves the request to <paramref name="to"/>: a history line, an <see cref="IblRequestStateChanged"/>
    /// and, for a terminal state, an <see cref="IblRequestEnded"/>.</summary>
    public void MoveTo(IblRequestState to, string what, string? reason = null)
    {
        var from = R.State;
        R.State = to;
        if (reason is not null) R.Reason = reason;
        var seq = History(from, to, what, reason);
        var requestId = IblRequestId.Parse(R.Id);
        c.NewEvents.Add(new IblRequestStateChanged
        {
            EventId = Uuid7.New(), Source = new EventSource("hub", $"{R.Id}:{seq}"), OccurredAt = now,
            RequestId = requestId, RequestingAgency = R.RequestingAgency, LenderAgency = R.LenderAgency,
            From = from, To = to, Cause = input.Cause, Reason = reason,
        });
        if (!IblStates.IsTerminal(to)) return;
        R.EndedAt = NowText;
        c.NewEvents.Add(new IblRequestEnded
        {
            EventId = Uuid7.New(), Source = new EventSource("hub", $"{R.Id}:{seq}:ended"), OccurredAt = now,
            RequestId = requestId, RequestingAgency = R.RequestingAgency, LenderAgency = R.LenderAgency, Outcome = to,
            LendersAsked = c.Rota.Count(r => r.Status is not (RotaEntryStatus.Candidate or RotaEntryStatus.Skipped)),
            Reason = to == IblRequestState.LoanCompleted ? null : reason ?? R.Reason, PlacedAt = IblClock.Parse(R.CreatedAt),
        });
    }

    /// <summary>A history line without a state change.</summary>
    public void Note(string what, string? note = null, string? agency = null) => History(R.State, R.State, what, note, agency);

    /// <summary>Appends a history line; returns its sequence number.</summary>
    public int History(IblRequestState? from, IblRequestState to, string what, string? note, string? agency = null)
    {
        var seq = R.NextSeq++;
        c.NewHistory.Add(new HistoryEntry
        {
            RequestId = R.Id, Seq = seq, At = NowText, FromState = from, ToState = to, What = what, Actor = input.Actor,
            Agency = agency ?? R.LenderAgency, Note = note,
        });
        return seq;
    }

    /// <summary>A new pending step, handed to the bus after commit.</summary>
    public IblStep AddStep(IblStepKind kind, IblParty party, string agency, int? position = null, string? vendorRef = null)
    {
        var seq = R.NextSeq++;
        var step = new IblStep
        {
            StepId = $"{R.Id}:{seq}", RequestId = R.Id, Seq = seq, Kind = kind, Party = party, Agency = agency, Position = position,
            VendorRef = vendorRef, Status = IblStepStatus.Pending, CreatedAt = NowText, IsNew = true,
        };
        c.Steps.Add(step);
        Outbox(new IblStepDue(R.Id, step.StepId));
        return step;
    }

    /// <summary>A timer: a scheduled bus message, due at <paramref name="due"/> by the IBL clock.</summary>
    public void Schedule(IblTimerKind kind, DateTimeOffset due, int token) => Outbox(new IblTimerDue(R.Id, kind, token, due));

    /// <summary>An ISO 18626 message to a peer: recorded, and sent through the bus after commit.</summary>
    public void Send(string peer, string kind, string xml)
    {
        var message = new IsoOutboundMessage(Uuid7.New().ToString("N"), R.Id, peer, kind, xml);
        c.NewIsoMessages.Add(message);
        Outbox(new IblIsoSend(R.Id, message.Id));
    }

    private void Outbox(object message) => c.NewOutbox.Add(new IblOutboxEntry(Uuid7.New().ToString("N"), R.Id, message));
}
