using Lsb.Hub.Canonical.Commands;
using static Lsb.Hub.Adapters.VSmart.Ncip.NcipRequests;

namespace Lsb.Hub.Adapters.VSmart.Commands;

/// <summary>CheckOutItem, CheckInItem (a copy not checked out: AlreadyDone) and RenewItem.</summary>
internal sealed partial class VSmartCommandExecutor
{
    private async Task<CommandResult> CheckOutAsync(CheckOut command, VSmartTarget target, CancellationToken cancellationToken)
    {
        if (User(command.Patron, target.LibraryId) is not { } user) return NoPatron("CheckOutItem");
        if (Item(command.Item, target.LibraryId) is not { } item) return NoItem("CheckOutItem");
        var message = Message("CheckOutItem", target, user, item, command.DueAt is { } due ? E("DesiredDateDue", Date(due)) : null);
        var (response, result) = await SendAsync(message, readOnly: false, "the check-out", cancellationToken);
        return result ?? Loaned(response!, "Checked out.");
    }

    private async Task<CommandResult> CheckInAsync(CheckIn command, VSmartTarget target, CancellationToken cancellationToken)
    {
        if (Item(command.Item, target.LibraryId) is not { } item) return NoItem("CheckInItem");
        var (response, result) = await SendAsync(Message("CheckInItem", target, item), readOnly: false, "the check-in", cancellationToken);
        return result ?? new CommandResult { Outcome = CommandOutcome.Succeeded, Message = "Checked in.", VendorItemId = response!.ItemId };
    }

    private async Task<CommandResult> RenewAsync(RenewLoan command, VSmartTarget target, CancellationToken cancellationToken)
    {
        if (User(command.Patron, target.LibraryId) is not { } user) return NoPatron("RenewItem");
        if (Item(command.Item, target.LibraryId) is not { } item) return NoItem("RenewItem");
        var (response, result) = await SendAsync(Message("RenewItem", target, user, item), readOnly: false, "the renewal", cancellationToken);
        return result ?? Loaned(response!, "Renewed.");
    }

    private static CommandResult Loaned(Ncip.NcipResponse response, string message) => new()
    {
        Outcome = CommandOutcome.Succeeded,
        Message = message,
        VendorItemId = response.ItemId,
        DueAt = response.DateDue,
    };
}
