using Lsb.Hub.Ibl.Process;

namespace Lsb.Hub.Ibl.Iso18626;

/// <summary>Supplying-agency messages (from an external lender) and requesting-agency messages (from an external requester).</summary>
public sealed partial class Iso18626Broker
{
    private async Task<Iso18626Error?> SupplierMessageAsync(Iso18626Inbound m, CancellationToken cancellationToken)
    {
        if (CheckIds(m) is { } idError) return idError;
        var requestId = await store.FindBySupplierAsync(m.SupplyingAgency, m.RequestingAgencyRequestId, cancellationToken);
        if (requestId is null)
            return Value("requestingAgencyRequestId", $"the hub sent no request '{m.RequestingAgencyRequestId}' to {m.SupplyingAgency}");
        var c = (await store.LoadAsync(requestId, cancellationToken))!;
        if (!IsHub(m.RequestingAgency) && !string.Equals(m.RequestingAgency, c.Request.RequestingAgency, StringComparison.OrdinalIgnoreCase))
            return Value("requestingAgencyId", $"request '{m.RequestingAgencyRequestId}' was not sent on behalf of {m.RequestingAgency}");
        var reason = m.Value("messageInfo/reasonForMessage")!;
        var status = m.Value("statusInfo/status")!;
        var note = m.Value("messageInfo/note");
        var actor = "iso18626:" + m.SupplyingAgency;
        var isCurrent = c.Current is { } current && string.Equals(current.Agency, m.SupplyingAgency, StringComparison.OrdinalIgnoreCase);
        if (reason == "Notification")
        {
            await process.ApplyAsync(requestId, new Noted(actor, "iso18626", $"notification from {m.SupplyingAgency} (status {status})", note, m.SupplyingAgency), cancellationToken);
            return null;
        }
        if (!isCurrent)
            return Value("supplyingAgencyId", $"{m.SupplyingAgency} is no longer the supplier of request '{m.RequestingAgencyRequestId}'" + (c.Request.LenderAgency is { } l ? $" ({l} is)" : ""));
        var yes = m.Value("messageInfo/answerYesNo") is { } yn ? yn == "Y" : (bool?)null;
        DateTimeOffset? due = DateTimeOffset.TryParse(m.Value("statusInfo/dueDate"), System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var d) ? d : null;
        LenderAnswered answer = reason switch
        {
            "RenewResponse" => new(actor, "iso18626", LenderAnswer.RenewAnswer, m.SupplyingAgency, note, null, due, yes ?? false),
            "CancelResponse" when yes == false => new(actor, "iso18626", LenderAnswer.Notification, m.SupplyingAgency,
                $"{m.SupplyingAgency} refused the cancellation" + (note is null ? "" : $": {note}")),
            _ => new(actor, "iso18626", status switch
            {
                "RequestReceived" => LenderAnswer.RequestReceived,
                "ExpectToSupply" => LenderAnswer.ExpectToSupply,
                "WillSupply" => LenderAnswer.WillSupply,
                "Loaned" => LenderAnswer.Shipped,
                "Overdue" => LenderAnswer.Overdue,
                "Recalled" => LenderAnswer.Recalled,
                "Unfilled" or "RetryPossible" => LenderAnswer.Unfilled,
                "Cancelled" => LenderAnswer.Cancelled,
                _ => LenderAnswer.LoanCompleted,
            }, m.SupplyingAgency,
            status == "Unfilled" ? m.Value("messageInfo/reasonUnfilled") ?? note : status == "RetryPossible" ? $"RetryPossible ({m.Value("messageInfo/reasonRetry") ?? "no reason"}); the hub asks the next lender" : note,
            m.Value("deliveryInfo/itemId"), due),
        };
        var outcome = await process.ApplyAsync(requestId, answer, cancellationToken);
        if (outcome.Kind == IblOutcomeKind.Refused)
            await process.ApplyAsync(requestId, new Noted(actor, "iso18626", $"{status} from {m.SupplyingAgency} ignored", outcome.Message, m.SupplyingAgency), cancellationToken);
        return null;
    }

    private async Task<Iso18626Error?> RequesterMessageAsync(Iso18626Inbound m, CancellationToken cancellationToken)
    {
        if (CheckIds(m) is { } idError) return idError;
        var action = m.Value("action")!;
        var requestId = await store.FindByRequesterAsync(m.RequestingAgency, m.RequestingAgencyRequestId, cancellationToken);
        if (requestId is null)
            return Value("requestingAgencyRequestId", $"{m.RequestingAgency} sent no request '{m.RequestingAgencyRequestId}' to this hub");
        var c = (await store.LoadAsync(requestId, cancellationToken))!;
        if (!IsHub(m.SupplyingAgency) && !string.Equals(m.SupplyingAgency, c.Request.LenderAgency, StringComparison.OrdinalIgnoreCase))
            return Value("supplyingAgencyId", $"{m.SupplyingAgency} is not the supplier of request '{m.RequestingAgencyRequestId}'" + (c.Request.LenderAgency is { } l ? $" ({l} is)" : ""));
        if (action == "ShippedForward")
            return new Iso18626Error(Iso18626ErrorType.UnsupportedActionType, "action: ShippedForward is not supported: send the copy back to its lender (ShippedReturn)");
        var actor = "iso18626:" + m.RequestingAgency;
        var input = new BorrowerActed(actor, "iso18626", action switch
        {
            "Cancel" => BorrowerAction.Cancel,
            "Received" => BorrowerAction.Received,
            "ShippedReturn" => BorrowerAction.ShippedReturn,
            "Renew" => BorrowerAction.Renew,
            "StatusRequest" => BorrowerAction.StatusRequest,
            _ => BorrowerAction.Notification,
        }, m.Value("note"));
        var outcome = await process.ApplyAsync(requestId, input, cancellationToken);
        if (outcome.Kind == IblOutcomeKind.Refused)
            await process.ApplyAsync(requestId, new Noted(actor, "iso18626", $"{action} from {m.RequestingAgency} not possible now", outcome.Message, m.RequestingAgency), cancellationToken);
        return null;
    }
}
