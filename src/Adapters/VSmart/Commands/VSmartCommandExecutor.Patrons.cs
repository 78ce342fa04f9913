using Lsb.Hub.Adapters.VSmart.Ncip;
using Lsb.Hub.Canonical.Commands;
using Lsb.Hub.Canonical.Members;
using static Lsb.Hub.Adapters.VSmart.Ncip.NcipRequests;

namespace Lsb.Hub.Adapters.VSmart.Commands;

/// <summary>LookupUser by id or card (LookupPatron) and with card and PIN (AuthenticatePatron). Only privileges, blocks
/// and the fiscal balance are asked for: a standing needs no name or address. The PIN is NEVER logged or kept.</summary>
internal sealed partial class VSmartCommandExecutor
{
    private async Task<CommandResult> LookupPatronAsync(LookupPatron command, VSmartTarget target, CancellationToken cancellationToken)
    {
        if (User(command.Patron, target.LibraryId) is not { } user) return NoPatron("LookupUser");
        var (response, result) = await SendAsync(Message("LookupUser", target, user, StandingElements()), readOnly: true, "the patron lookup", cancellationToken);
        return result ?? Standing(response!, command.Patron.LocalId ?? command.Patron.CardNumber!);
    }

    private async Task<CommandResult> AuthenticatePatronAsync(AuthenticatePatron command, VSmartTarget target, CancellationToken cancellationToken)
    {
        var message = Message("LookupUser", target, AuthenticationInput(command.CardNumber, "Barcode Id"), AuthenticationInput(command.Pin, "PIN"), StandingElements());
        var (response, result) = await SendAsync(message, readOnly: true, "the patron login", cancellationToken);
        if (result is { Outcome: CommandOutcome.Rejected, Reason: RejectionReason.InvalidCredentials or RejectionReason.PatronUnknown })
            return CommandResult.Rejected(RejectionReason.InvalidCredentials, "The card number or PIN is wrong.", result.RawStatus);
        return result ?? Standing(response!, command.CardNumber);
    }

    private static object[] StandingElements()
        => [E("UserElementType", "User Privilege"), E("UserElementType", "Block Or Trap"), E("UserFiscalAccountDesired")];

    /// <summary>Category and status from the PROFILE and STATUS privileges through the mapping tables; a block or trap
    /// blocks an otherwise active patron.</summary>
    private CommandResult Standing(NcipResponse response, string fallbackId)
    {
        try
        {
            var profile = response.Privilege("PROFILE");
            var statusCode = response.Privilege("STATUS")?.Status;
            var status = mappings.PatronStatus.Map(Installation, statusCode);
            var blocks = response.Blocks.Where(b => !b.Contains("Fine", StringComparison.OrdinalIgnoreCase)).ToList();
            if (status == MemberStatus.Active && blocks.Count > 0) status = MemberStatus.Blocked;
            var finesOverLimit = response.AccountBalance / 100m > connection.Options.FineLimit
                || response.Blocks.Any(b => b.Contains("Fine", StringComparison.OrdinalIgnoreCase));
            var standing = new PatronStanding(response.UserId ?? fallbackId, status, mappings.PatronCategory.Map(Installation, profile?.Status),
                finesOverLimit, profile?.ValidTo is { } end ? DateOnly.FromDateTime(end.UtcDateTime) : null);
            return new CommandResult { Outcome = CommandOutcome.Succeeded, Patron = standing, RawStatus = statusCode };
        }
        catch (MappingMissingException e)
        {
            return CommandResult.Rejected(RejectionReason.MappingMissing, e.Message, e.Value);
        }
    }
}
