using System.Globalization;
using Lsb.Hub.Adapters.Brocade.Sip2;
using Lsb.Hub.Adapters.Brocade.Translation;
using Lsb.Hub.Canonical.Commands;

namespace Lsb.Hub.Adapters.Brocade.Commands;

/// <summary>Check-out (11), check-in (09, idempotent: "not on loan" is AlreadyDone) and renewal (29).</summary>
internal sealed partial class BrocadeCommandExecutor
{
    private async Task<CommandResult> CheckOutAsync(CheckOut command, string institution, CancellationToken cancellationToken)
    {
        if (Patron(command.Patron) is not { } patron || Item(command.Item) is not { } item) return Unnamed();
        var answer = await SendAsync(Sip2Requests.CheckOut(institution, patron, item, Now, command.DueAt), changes: true, "checking out a copy", cancellationToken);
        return answer.Ok ? Loaned(answer, "Checked out.") : Refused(answer, RejectionReason.ItemNotAvailable, "the check-out", repeatable: false);
    }

    private async Task<CommandResult> CheckInAsync(CheckIn command, string institution, CancellationToken cancellationToken)
    {
        if (Item(command.Item) is not { } item) return Unnamed();
        // Checking in twice changes nothing the second time, so a lost answer may be asked again.
        var answer = await SendAsync(Sip2Requests.CheckIn(institution, item, Now), changes: false, "checking in a copy", cancellationToken);
        return answer.Ok
            ? new CommandResult { Outcome = CommandOutcome.Succeeded, Message = "Checked in.", RawStatus = answer.Fixed[..4] }
            : Refused(answer, RejectionReason.InvalidRequest, "the check-in");
    }

    private async Task<CommandResult> RenewAsync(RenewLoan command, string institution, CancellationToken cancellationToken)
    {
        if (Patron(command.Patron) is not { } patron || Item(command.Item) is not { } item) return Unnamed();
        var answer = await SendAsync(Sip2Requests.Renew(institution, patron, item, Now), changes: true, "renewing a loan", cancellationToken);
        return answer.Ok ? Loaned(answer, "Renewed.") : Refused(answer, RejectionReason.NotRenewable, "the renewal", repeatable: false);
    }

    private CommandResult Loaned(Sip2Response answer, string message)
    {
        var verdict = mappings.Verdict(Installation, answer.ScreenMessage);
        return new CommandResult
        {
            Outcome = verdict == Mapping.SipVerdict.AlreadyDone ? CommandOutcome.AlreadyDone : CommandOutcome.Succeeded,
            Message = answer.ScreenMessage is { } screen ? $"{message} Brocade says: {screen}." : message,
            RawStatus = answer.Fixed[..4],
            DueAt = DueDate(answer["AH"]),
        };
    }

    /// <summary>A SIP2 due date (<c>yyyyMMdd    HHmmss</c>, local time), or null.</summary>
    private static DateTimeOffset? DueDate(string? text)
    {
        if (text is null || text.Length < 8) return null;
        if (!DateOnly.TryParseExact(text[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return null;
        var time = text.Length >= 18 && TimeOnly.TryParseExact(text[12..18], "HHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : new TimeOnly(23, 59, 59);
        return DutchTime.FromLocal(day.ToDateTime(time));
    }

    private static string? Patron(PatronRef? patron) => patron?.CardNumber is { Length: > 0 } card ? card : patron?.LocalId is { Length: > 0 } id ? id : null;

    private static string? Item(ItemRef? item) => item?.Barcode is { Length: > 0 } barcode ? barcode : item?.LocalId is { Length: > 0 } id ? id : null;

    private static CommandResult Unnamed()
        => CommandResult.Rejected(RejectionReason.InvalidRequest, "The command names the patron or the copy by neither card number/barcode nor Brocade number.");
}
