using Lsb.Hub.Adapters.Wise.Dto;
using Lsb.Hub.Adapters.Wise.Http;
using Lsb.Hub.Adapters.Wise.Translation;
using Lsb.Hub.Canonical.Commands;

namespace Lsb.Hub.Adapters.Wise.Commands;

/// <summary>Check-out, check-in (idempotent) and renewal.</summary>
internal sealed partial class WiseCommandExecutor
{
    private async Task<CommandResult> CheckOutAsync(CheckOut command, WiseTarget target, CancellationToken cancellationToken)
    {
        var request = new WiseCirculationRequest
        {
            PatronSystemId = command.Patron.LocalId,
            CardNumber = command.Patron.LocalId is null ? command.Patron.CardNumber : null,
            ItemId = command.Item.LocalId,
            Barcode = command.Item.LocalId is null ? command.Item.Barcode : null,
            BranchId = target.BranchId,
            DueDate = command.DueAt is { } due ? DutchTime.DateOf(due) : null,
        };
        var answer = await SendAsync("checking out a copy", (api, c) => api.CheckOut(target.LibraryId, request, c), WiseJsonContext.Default.WiseLoan, isPost: true, cancellationToken);
        if (answer.Failure is { } failure) return failure;
        if (answer.Refusal is { } refusal)
        {
            return refusal.Code switch
            {
                "ITEM_ALREADY_ON_LOAN_TO_PATRON" => AlreadyDone("The copy was already on loan to this patron.", refusal.Code),
                "PATRON_NOT_FOUND" => Refused(RejectionReason.PatronUnknown, refusal, "the check-out"),
                "PATRON_BLOCKED" or "PATRON_EXPIRED" => Refused(RejectionReason.PatronBlocked, refusal, "the check-out"),
                "ITEM_NOT_FOUND" => Refused(RejectionReason.ItemUnknown, refusal, "the check-out"),
                _ => Refused(RejectionReason.ItemNotAvailable, refusal, "the check-out"),
            };
        }
        return Loaned(answer.Value!, "Checked out.");
    }

    private async Task<CommandResult> CheckInAsync(CheckIn command, WiseTarget target, CancellationToken cancellationToken)
    {
        var request = new WiseCirculationRequest { ItemId = command.Item.LocalId, Barcode = command.Item.LocalId is null ? command.Item.Barcode : null, BranchId = target.BranchId };
        var answer = await SendAsync("checking in a copy", (api, c) => api.CheckIn(target.LibraryId, request, c), WiseJsonContext.Default.WiseLoan, isPost: true, cancellationToken);
        if (answer.Failure is { } failure) return failure;
        if (answer.Refusal is { } refusal)
        {
            return refusal.Code == "ITEM_NOT_ON_LOAN"
                ? AlreadyDone("The copy was not on loan: already checked in.", refusal.Code)
                : Refused(refusal.Code == "ITEM_NOT_FOUND" ? RejectionReason.ItemUnknown : RejectionReason.InvalidRequest, refusal, "the check-in");
        }
        return Loaned(answer.Value!, "Checked in.");
    }

    private async Task<CommandResult> RenewAsync(RenewLoan command, WiseTarget target, CancellationToken cancellationToken)
    {
        var request = new WiseCirculationRequest
        {
            PatronSystemId = command.Patron.LocalId,
            CardNumber = command.Patron.LocalId is null ? command.Patron.CardNumber : null,
            ItemId = command.Item.LocalId,
            Barcode = command.Item.LocalId is null ? command.Item.Barcode : null,
        };
        var answer = await SendAsync("renewing a loan", (api, c) => api.Renew(target.LibraryId, request, c), WiseJsonContext.Default.WiseLoan, isPost: true, cancellationToken);
        if (answer.Failure is { } failure) return failure;
        if (answer.Refusal is { } refusal)
            return Refused(refusal.Code == "ITEM_NOT_FOUND" ? RejectionReason.ItemUnknown : RejectionReason.NotRenewable, refusal, "the renewal");
        return Loaned(answer.Value!, "Renewed.");
    }

    private static CommandResult Loaned(WiseLoan loan, string message) => new()
    {
        Outcome = CommandOutcome.Succeeded,
        Message = message,
        RawStatus = loan.Status,
        VendorRequestId = loan.LoanId,
        DueAt = loan.DueDate is { } due ? DutchTime.EndOfDay(due) : null,
    };

    private static bool IsNotFound(WiseFailure refusal) => refusal.Status == System.Net.HttpStatusCode.NotFound;
}
