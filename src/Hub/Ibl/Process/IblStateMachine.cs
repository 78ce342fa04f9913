using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Canonical.Events;
using Lsb.Hub.Ibl.Model;
using Microsoft.Extensions.Options;

namespace Lsb.Hub.Ibl.Process;

/// <summary>
/// The rules of the interlibrary-loan process (docs/ibl.md): given a request (with rota and steps) and what happened,
/// decides the new state, the history, the next adapter steps, timers, ISO 18626 messages and canonical events. It
/// does no I/O; <see cref="IblProcess"/> loads and saves. Inputs that do not fit the current state are refused
/// (API actions) or noted and ignored (messages that arrive late). A terminal request NEVER changes state again.
/// </summary>
public sealed partial class IblStateMachine(IOptions<IblOptions> options, IblClock clock)
{
    private IblOptions Options => options.Value;

    /// <summary>Applies <paramref name="input"/> to <paramref name="c"/>, changing it in place.</summary>
    public IblOutcome Apply(IblCase c, IblInput input)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(input);
        var t = new IblTransition(c, input, clock.Now, Options);
        return input switch
        {
            RequestPlaced => Placed(t),
            StepFinished s => StepDone(t, s),
            RotaFound r => Sourced(t, r),
            LenderAnswered a => Lender(t, a),
            BorrowerActed b => Borrower(t, b),
            ManualStepConfirmed m => ManualDone(t, m),
            TimerFired f => Timer(t, f),
            IsoDeliveryFailed d => DeliveryFailed(t, d),
            Noted n => NoteOnly(t, n),
            _ => throw new ArgumentException($"Unknown IBL input {input.GetType().Name}.", nameof(input)),
        };
    }

    private IblOutcome Placed(IblTransition t)
    {
        var r = t.R;
        t.History(null, IblRequestState.New, r.Origin == IblOrigin.Api ? "placed" : "request received over ISO 18626", null, r.RequestingAgency);
        t.Case.NewEvents.Add(new IblRequestPlaced
        {
            EventId = Uuid7.New(), Source = new EventSource("hub", $"{r.Id}:placed"), OccurredAt = t.Now,
            RequestId = Canonical.Identity.IblRequestId.Parse(r.Id), RequestingAgency = r.RequestingAgency,
            MemberId = r.MemberId is null ? null : Canonical.Identity.MemberId.Parse(r.MemberId), Origin = r.Origin.ToString(),
            Isbn = r.Isbn, Ppn = r.Ppn, OclcNumber = r.OclcNumber,
        });
        if (r.Origin == IblOrigin.Api)
        {
            t.AddStep(IblStepKind.ValidatePatron, IblParty.Borrower, r.RequestingAgency);
            return IblOutcome.Applied;
        }
        t.MoveTo(IblRequestState.Validated, $"accepted from external agency {r.RequestingAgency} (no member to check: the agency vouches for its patron)");
        BeginSourcing(t);
        return IblOutcome.Applied;
    }

    private static void BeginSourcing(IblTransition t)
    {
        t.MoveTo(IblRequestState.Sourcing, "looking for lenders in the union holdings index");
        t.AddStep(IblStepKind.BuildRota, IblParty.Hub, "hub");
    }

    private static IblOutcome NoteOnly(IblTransition t, Noted n)
    {
        t.Note(n.What, n.Note, n.Agency);
        return IblOutcome.Applied;
    }

    private static IblOutcome Refuse(string message) => IblOutcome.Refused(message);
}
