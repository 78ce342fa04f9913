using Lsb.Hub.Canonical.Events;
using Lsb.Hub.Ibl.Iso18626;
using Lsb.Hub.Ibl.Model;

namespace Lsb.Hub.Ibl.Process;

/// <summary>ISO 18626 messages the rules send: to an external requester (supplying-agency messages) and to an external
/// lender (the request and requesting-agency messages).</summary>
public sealed partial class IblStateMachine
{
    /// <summary>Tells an external requester about a status (nothing for requests of Dutch libraries).</summary>
    private static void ToRequester(IblTransition t, string status, string? reasonForMessage = null, string? answerYesNo = null, string? note = null,
        string? reasonUnfilled = null)
    {
        var r = t.R;
        if (r.Origin != IblOrigin.Iso18626) return;
        var header = new IsoHeader(r.LenderAgency ?? t.Options.Iso18626.AgencyId, r.RequestingAgency, t.Now, r.PeerRequestId ?? r.Id, r.Id);
        var reason = reasonForMessage ?? (r.MessagesToRequester == 0 ? "RequestResponse" : "StatusChange");
        r.MessagesToRequester++;
        var loaned = status == "Loaned";
        var xml = Iso18626Messages.SupplyingAgencyMessage(header, reason, answerYesNo, note, reasonUnfilled, status, t.Now,
            IblClock.ParseOrNull(r.DueAt), loaned ? t.Now : null, loaned ? r.ItemBarcode : null);
        t.Send(r.RequestingAgency, $"supplyingAgencyMessage:{reason}:{status}", xml);
    }

    /// <summary>Sends an external lender the request, or a requesting-agency message (<c>requestingAgencyMessage:{action}</c>).</summary>
    private static void ToSupplier(IblTransition t, RotaEntry entry, string kind, string? note = null)
    {
        var r = t.R;
        var header = new IsoHeader(entry.Agency, r.RequestingAgency, t.Now, entry.PeerRequestId ?? r.Id, null);
        string xml;
        if (kind == "request")
        {
            xml = Iso18626Messages.Request(header, new IsoBibliographic(r.Title, r.Author, r.Isbn, r.Ppn, r.OclcNumber, entry.LocalRecordId),
                r.PatronPseudonym, $"Interlibrary loan brokered by {t.Options.Iso18626.AgencyId}, request {r.Id}.");
        }
        else
        {
            xml = Iso18626Messages.RequestingAgencyMessage(header, kind[(kind.IndexOf(':', StringComparison.Ordinal) + 1)..], note);
        }
        t.Send(entry.Agency, kind, xml);
    }

    /// <summary>The ISO 18626 supplier status that stands for a state (for StatusRequest answers).</summary>
    internal static string IsoStatus(IblRequestState state) => state switch
    {
        IblRequestState.ExpectToSupply => "ExpectToSupply",
        IblRequestState.WillSupply => "WillSupply",
        IblRequestState.Loaned or IblRequestState.Received or IblRequestState.ShippedReturn => "Loaned",
        IblRequestState.Overdue => "Overdue",
        IblRequestState.Recalled => "Recalled",
        IblRequestState.LoanCompleted => "LoanCompleted",
        IblRequestState.Cancelled => "Cancelled",
        IblRequestState.EndOfRota or IblRequestState.Unfilled or IblRequestState.InvalidPatron => "Unfilled",
        _ => "RequestReceived",
    };

    private IblOutcome DeliveryFailed(IblTransition t, IsoDeliveryFailed failure)
    {
        var current = t.Case.Current;
        if (failure.MessageKind == "request" && current is not null && current.Channel == LenderChannel.Iso18626
            && string.Equals(current.Agency, failure.Peer, StringComparison.OrdinalIgnoreCase) && IblStates.IsAwaitingAnswer(t.R.State))
        {
            current.Status = RotaEntryStatus.Unfilled;
            current.Reason = $"the request could not be delivered: {failure.Error}";
            current.UpdatedAt = t.NowText;
            current.Dirty = true;
            t.MoveTo(IblRequestState.Unfilled, $"{failure.Peer} did not accept the request", current.Reason);
            NextLender(t);
            return IblOutcome.Applied;
        }
        t.R.Attention = $"The ISO 18626 message {failure.MessageKind} to {failure.Peer} failed: {failure.Error}. Check the peer's address in Ibl:Iso18626:Peers and tell the peer.";
        t.Note($"ISO 18626 {failure.MessageKind} to {failure.Peer} failed", failure.Error, failure.Peer);
        return IblOutcome.Applied;
    }
}
