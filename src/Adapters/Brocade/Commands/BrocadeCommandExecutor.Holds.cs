using Lsb.Hub.Canonical.Commands;
using Lsb.Hub.Canonical.Identity;

namespace Lsb.Hub.Adapters.Brocade.Commands;

/// <summary>Holds (15 with mode <c>+</c>) on a copy or a title, and cancelling them (mode <c>-</c>); see <see cref="HoldReference"/>.</summary>
internal sealed partial class BrocadeCommandExecutor
{
    private async Task<CommandResult> PlaceHoldAsync(PlaceHold command, string institution, CancellationToken cancellationToken)
    {
        if (Patron(command.Patron) is not { } patron) return Unnamed();
        var hold = Item(command.Item) is { } item ? new HoldReference(true, patron, item)
            : !string.IsNullOrEmpty(command.TitleId) ? new HoldReference(false, patron, command.TitleId)
            : null;
        if (hold is null) return CommandResult.Rejected(RejectionReason.InvalidRequest, "The hold names neither a copy nor a title.");
        var answer = await SendAsync(Sip2Requests.Hold('+', institution, hold, Pickup(command.PickupLocation), Now), changes: true, "placing a hold", cancellationToken);
        var result = answer.Ok
            ? new CommandResult { Outcome = CommandOutcome.Succeeded, Message = "Hold placed.", RawStatus = answer.Fixed[..2] }
            : Refused(answer, RejectionReason.ItemNotAvailable, "the hold");
        return result.IsSuccess ? result with { VendorRequestId = hold.ToString() } : result;
    }

    private async Task<CommandResult> CancelHoldAsync(CancelHold command, string institution, CancellationToken cancellationToken)
    {
        if (HoldReference.Parse(command.VendorRequestId) is not { } hold)
        {
            return CommandResult.Rejected(RejectionReason.InvalidRequest,
                $"'{command.VendorRequestId}' is not a Brocade hold reference (C:patron:barcode or T:patron:title): pass the VendorRequestId of the PlaceHold result.");
        }
        var answer = await SendAsync(Sip2Requests.Hold('-', institution, hold, null, Now), changes: false, $"cancelling hold {hold}", cancellationToken);
        return answer.Ok
            ? new CommandResult { Outcome = CommandOutcome.Succeeded, Message = "Hold cancelled.", VendorRequestId = hold.ToString() }
            : Refused(answer, RejectionReason.InvalidRequest, $"cancelling hold {hold}");
    }

    /// <summary>The pickup branch code: a branch whose ISIL is given, or the text as given; null leaves it to Brocade (the patron's branch).</summary>
    private string? Pickup(string? location)
    {
        if (string.IsNullOrWhiteSpace(location)) return null;
        if (Isil.TryParse(location, out var isil, out _) && mappings.BranchesWithIsil(Installation, isil).FirstOrDefault() is { BranchCode: { } branch }) return branch;
        return location;
    }
}
