using Lsb.Hub.Adapters.Wise.Dto;
using Lsb.Hub.Canonical.Commands;

namespace Lsb.Hub.Adapters.Wise.Commands;

/// <summary>Holds: <c>prepareHold</c> first (as the Wise docs prescribe), then the hold itself; cancelling.</summary>
internal sealed partial class WiseCommandExecutor
{
    private async Task<CommandResult> PlaceHoldAsync(PlaceHold command, WiseTarget target, CancellationToken cancellationToken)
    {
        var (patronId, unresolved) = await ResolvePatronAsync(command.Patron, target, cancellationToken);
        if (unresolved is not null) return unresolved;
        var (itemId, titleNumber, itemFailure) = await ResolveTitleAsync(command, target, cancellationToken);
        if (itemFailure is not null) return itemFailure;
        var pickup = PickupBranch(command.PickupLocation, target);
        if (pickup is null)
        {
            var patron = await SendAsync($"looking up patron {patronId}", (api, c) => api.PatronInformation(patronId!, target.LibraryId, c),
                WiseJsonContext.Default.WisePatron, isPost: false, cancellationToken);
            if (patron.Failure is { } f) return f;
            if (patron.Refusal is { } r) return Refused(IsNotFound(r) ? RejectionReason.PatronUnknown : RejectionReason.InvalidRequest, r, "the patron lookup");
            pickup = patron.Value!.BranchId;
        }
        var prepared = await SendAsync("preparing a hold", (api, c) => api.PrepareHold(patronId!, target.LibraryId, titleNumber!, pickup ?? string.Empty, c),
            WiseJsonContext.Default.WisePrepareHold, isPost: false, cancellationToken);
        if (prepared.Failure is { } failure) return failure;
        if (prepared.Refusal is { } refusal) return Refused(IsNotFound(refusal) ? RejectionReason.PatronUnknown : RejectionReason.InvalidRequest, refusal, "the hold");
        if (!prepared.Value!.HoldPossible)
        {
            var first = prepared.Value.ValidationErrors?.FirstOrDefault();
            var reason = first?.Code switch
            {
                "PATRON_BLOCKED" or "PATRON_EXPIRED" => RejectionReason.PatronBlocked,
                "TITLE_NOT_FOUND" => RejectionReason.ItemUnknown,
                "INVALID_PICKUP_LOCATION" => RejectionReason.InvalidRequest,
                _ => RejectionReason.ItemNotAvailable,
            };
            return CommandResult.Rejected(reason, $"Wise says no hold is possible: {first?.Message ?? "no reason given"}", first?.Code);
        }
        var placed = await SendAsync("placing a hold",
            (api, c) => api.PlaceHold(patronId!, target.LibraryId, new WisePlaceHoldRequest(titleNumber, itemId, prepared.Value.PickupLocation ?? pickup, command.IdempotencyKey), c),
            WiseJsonContext.Default.WiseHold, isPost: true, cancellationToken);
        if (placed.Failure is { } placeFailure) return placeFailure;
        if (placed.Refusal is { } placeRefusal) return Refused(RejectionReason.ItemNotAvailable, placeRefusal, "the hold");
        return new CommandResult { Outcome = CommandOutcome.Succeeded, Message = "Hold placed.", VendorRequestId = placed.Value!.HoldId, RawStatus = placed.Value.Status };
    }

    private async Task<CommandResult> CancelHoldAsync(CancelHold command, WiseTarget target, CancellationToken cancellationToken)
    {
        var answer = await SendAsync($"cancelling hold {command.VendorRequestId}", (api, c) => api.CancelHold(target.LibraryId, command.VendorRequestId, c),
            WiseJsonContext.Default.WiseHold, isPost: false, cancellationToken);
        if (answer.Failure is { } failure) return failure;
        if (answer.Refusal is { } refusal)
        {
            return refusal.Code == "HOLD_ALREADY_CANCELLED"
                ? AlreadyDone("The hold was already cancelled.", refusal.Code)
                : Refused(RejectionReason.InvalidRequest, refusal, $"cancelling hold {command.VendorRequestId}");
        }
        return new CommandResult { Outcome = CommandOutcome.Succeeded, Message = "Hold cancelled.", VendorRequestId = answer.Value!.HoldId, RawStatus = answer.Value.Status };
    }

    private async Task<(string? ItemId, string? TitleNumber, CommandResult? Failure)> ResolveTitleAsync(PlaceHold command, WiseTarget target, CancellationToken cancellationToken)
    {
        if (command.Item is null)
        {
            return string.IsNullOrEmpty(command.TitleId)
                ? (null, null, CommandResult.Rejected(RejectionReason.InvalidRequest, "The hold names neither a copy nor a title."))
                : (null, command.TitleId, null);
        }
        var item = command.Item;
        var answer = await SendAsync("looking up the copy to hold",
            (api, c) => item.LocalId is { } id ? api.Item(target.LibraryId, id, c) : api.ItemByBarcode(target.LibraryId, item.Barcode ?? string.Empty, c),
            WiseJsonContext.Default.WiseItem, isPost: false, cancellationToken);
        if (answer.Failure is { } failure) return (null, null, failure);
        if (answer.Refusal is { } refusal) return (null, null, Refused(RejectionReason.ItemUnknown, refusal, "the copy lookup"));
        return (answer.Value!.ItemId, answer.Value.TitleNumber, null);
    }

    /// <summary>The pickup branch: a branch id of the library, or an ISIL mapped to one; null means the patron's home branch.</summary>
    private string? PickupBranch(string? pickupLocation, WiseTarget target)
    {
        if (string.IsNullOrWhiteSpace(pickupLocation)) return target.BranchId;
        if (Canonical.Identity.Isil.TryParse(pickupLocation, out var isil, out _))
        {
            var branch = mappings.BranchesWithIsil(Installation, isil).FirstOrDefault(b => b.LibraryId == target.LibraryId);
            if (branch.BranchId is not null) return branch.BranchId;
        }
        return pickupLocation;
    }
}
