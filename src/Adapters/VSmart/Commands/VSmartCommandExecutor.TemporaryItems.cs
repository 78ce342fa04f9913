using Lsb.Hub.Canonical.Commands;
using static Lsb.Hub.Adapters.VSmart.Ncip.NcipRequests;

namespace Lsb.Hub.Adapters.VSmart.Commands;

/// <summary>Temporary copies for incoming interlibrary loans: AcceptItem (idempotent per barcode; the lending library's
/// ISIL travels as the item's location) and DeleteItem (a copy already gone: AlreadyDone).</summary>
internal sealed partial class VSmartCommandExecutor
{
    private async Task<CommandResult> CreateTemporaryItemAsync(CreateTemporaryItem command, VSmartTarget target, CancellationToken cancellationToken)
    {
        var pickup = PickupBranch(command.PickupLocation, target);
        var message = Message("AcceptItem", target,
            RequestId(HubAgency, command.ExternalRequestId ?? command.IdempotencyKey),
            E("RequestedActionType", "Hold For Pickup"),
            User(command.Patron, target.LibraryId),
            ItemId(target.LibraryId, "Barcode", command.Barcode),
            E("ItemOptionalFields",
                E("BibliographicDescription", string.IsNullOrEmpty(command.Author) ? null : E("Author", command.Author), E("Title", command.Title)),
                E("Location", E("LocationType", "Owning Agency"), E("LocationName", E("LocationNameInstance", E("LocationNameLevel", "1"), E("LocationNameValue", command.OwningIsil))))),
            pickup is null ? null : E("PickupLocation", pickup));
        var (response, result) = await SendAsync(message, readOnly: false, "creating a temporary copy", cancellationToken);
        if (result is not null) return result;
        return response!.ItemId is { } itemId
            ? new CommandResult { Outcome = CommandOutcome.Succeeded, Message = "Temporary copy created.", VendorItemId = itemId }
            : throw new IlsProtocolException($"{connection.Name} accepted a temporary copy without giving its ItemId.");
    }

    private async Task<CommandResult> DeleteTemporaryItemAsync(DeleteTemporaryItem command, VSmartTarget target, CancellationToken cancellationToken)
    {
        if (Item(command.Item, target.LibraryId) is not { } item) return NoItem("DeleteItem");
        var (_, result) = await SendAsync(Message("DeleteItem", target, item), readOnly: false, "deleting a temporary copy", cancellationToken);
        return result ?? new CommandResult { Outcome = CommandOutcome.Succeeded, Message = "Temporary copy deleted.", VendorItemId = command.Item.LocalId };
    }
}
