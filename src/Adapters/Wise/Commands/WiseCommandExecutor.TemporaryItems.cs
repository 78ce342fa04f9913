using Lsb.Hub.Adapters.Wise.Dto;
using Lsb.Hub.Canonical.Commands;

namespace Lsb.Hub.Adapters.Wise.Commands;

/// <summary>Temporary copies for incoming interlibrary loans: create (idempotent per barcode) and delete (idempotent).</summary>
internal sealed partial class WiseCommandExecutor
{
    private async Task<CommandResult> CreateTemporaryItemAsync(CreateTemporaryItem command, WiseTarget target, CancellationToken cancellationToken)
    {
        var request = new WiseTemporaryItemRequest(command.Barcode, command.Title, command.Author, command.OwningIsil,
            PickupBranch(command.PickupLocation, target), command.ExternalRequestId ?? command.IdempotencyKey);
        var answer = await SendAsync("creating a temporary copy", (api, c) => api.CreateTemporaryItem(target.LibraryId, request, c),
            WiseJsonContext.Default.WiseItem, isPost: true, cancellationToken);
        if (answer.Failure is { } failure) return failure;
        if (answer.Refusal is { } refusal) return Refused(RejectionReason.InvalidRequest, refusal, "the temporary copy");
        return new CommandResult { Outcome = CommandOutcome.Succeeded, Message = "Temporary copy created.", VendorItemId = answer.Value!.ItemId, RawStatus = answer.Value.Status };
    }

    private async Task<CommandResult> DeleteTemporaryItemAsync(DeleteTemporaryItem command, WiseTarget target, CancellationToken cancellationToken)
    {
        var itemId = command.Item.LocalId;
        if (itemId is null)
        {
            if (string.IsNullOrEmpty(command.Item.Barcode))
                return CommandResult.Rejected(RejectionReason.InvalidRequest, "The command names the temporary copy by neither Wise id nor barcode.");
            var found = await SendAsync("looking up the temporary copy", (api, c) => api.ItemByBarcode(target.LibraryId, command.Item.Barcode, c),
                WiseJsonContext.Default.WiseItem, isPost: false, cancellationToken);
            if (found.Failure is { } lookupFailure) return lookupFailure;
            if (found.Refusal is { } missing)
            {
                return IsNotFound(missing)
                    ? AlreadyDone("No copy has that barcode any more: the temporary copy is already gone.", missing.Code)
                    : Refused(RejectionReason.InvalidRequest, missing, "the copy lookup");
            }
            itemId = found.Value!.ItemId;
        }
        var answer = await SendAsync($"deleting temporary copy {itemId}", (api, c) => api.DeleteTemporaryItem(target.LibraryId, itemId, c),
            WiseJsonContext.Default.WiseItem, isPost: false, cancellationToken);
        if (answer.Failure is { } failure) return failure;
        if (answer.Refusal is { } refusal)
        {
            return IsNotFound(refusal)
                ? AlreadyDone("The temporary copy was already deleted.", refusal.Code)
                : Refused(RejectionReason.InvalidRequest, refusal, $"deleting temporary copy {itemId}");
        }
        return new CommandResult { Outcome = CommandOutcome.Succeeded, Message = "Temporary copy deleted.", VendorItemId = itemId };
    }
}
