using Lsb.Hub.Canonical.Commands;
using static Lsb.Hub.Adapters.VSmart.Ncip.NcipRequests;

namespace Lsb.Hub.Adapters.VSmart.Commands;

/// <summary>Holds: RequestItem (item- or title-level; the idempotency key travels as the requester's RequestId, so the
/// same step twice gives the same request) and CancelRequestItem.</summary>
internal sealed partial class VSmartCommandExecutor
{
    private async Task<CommandResult> PlaceHoldAsync(PlaceHold command, VSmartTarget target, CancellationToken cancellationToken)
    {
        if (User(command.Patron, target.LibraryId) is not { } user) return NoPatron("RequestItem");
        var item = Item(command.Item, target.LibraryId);
        if (item is null && string.IsNullOrEmpty(command.TitleId))
            return CommandResult.Rejected(RejectionReason.InvalidRequest, "The hold names neither a copy nor a title.");
        var pickup = PickupBranch(command.PickupLocation, target);
        var message = Message("RequestItem", target, user,
            item ?? BibliographicRecord(target.LibraryId, command.TitleId!),
            RequestId(HubAgency, command.IdempotencyKey),
            E("RequestType", "Hold"), E("RequestScopeType", item is null ? "Bibliographic Item" : "Item"),
            pickup is null ? null : E("PickupLocation", pickup));
        var (response, result) = await SendAsync(message, readOnly: false, "the hold", cancellationToken);
        if (result is not null) return result;
        return response!.RequestId is { } id
            ? new CommandResult { Outcome = CommandOutcome.Succeeded, Message = "Hold placed.", VendorRequestId = id }
            : throw new IlsProtocolException($"{connection.Name} confirmed a hold without a RequestId.");
    }

    private async Task<CommandResult> CancelHoldAsync(CancelHold command, VSmartTarget target, CancellationToken cancellationToken)
    {
        if (User(command.Patron, target.LibraryId) is not { } user) return NoPatron("CancelRequestItem");
        var message = Message("CancelRequestItem", target, user, RequestId(target.LibraryId, command.VendorRequestId), E("RequestType", "Hold"));
        var (_, result) = await SendAsync(message, readOnly: false, $"cancelling request {command.VendorRequestId}", cancellationToken);
        return result ?? new CommandResult { Outcome = CommandOutcome.Succeeded, Message = "Hold cancelled.", VendorRequestId = command.VendorRequestId };
    }
}
