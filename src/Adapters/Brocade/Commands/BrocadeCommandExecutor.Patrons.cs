using System.Globalization;
using Lsb.Hub.Adapters.Brocade.Sip2;
using Lsb.Hub.Canonical.Commands;
using Lsb.Hub.Canonical.Members;

namespace Lsb.Hub.Adapters.Brocade.Commands;

/// <summary>Patron look-up (63) and authentication (63 with the patron password AD, checked by CQ). The PIN is NEVER logged or kept.</summary>
internal sealed partial class BrocadeCommandExecutor
{
    private async Task<CommandResult> AuthenticateAsync(AuthenticatePatron command, string institution, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(Sip2Requests.PatronInformation(institution, command.CardNumber, command.Pin, Now), changes: false, "authenticating a patron", cancellationToken);
        if (answer["BL"] != "Y" || answer["CQ"] != "Y")
            return CommandResult.Rejected(RejectionReason.InvalidCredentials, "The card number or PIN is wrong.", answer["CQ"] is null ? null : "CQ" + answer["CQ"]);
        return Standing(answer, command.CardNumber);
    }

    private async Task<CommandResult> LookupAsync(PatronRef? patron, string? password, string institution, CancellationToken cancellationToken)
    {
        var identifier = patron?.CardNumber ?? patron?.LocalId;
        if (string.IsNullOrEmpty(identifier))
            return CommandResult.Rejected(RejectionReason.InvalidRequest, "The command names the patron by neither card number nor member number.");
        var answer = await SendAsync(Sip2Requests.PatronInformation(institution, identifier, password, Now), changes: false, "looking up a patron", cancellationToken);
        if (answer["BL"] != "Y")
            return CommandResult.Rejected(RejectionReason.PatronUnknown, $"Library {institution} of Brocade installation '{Installation}' has no patron {identifier}.", "BLN");
        return Standing(answer, patron?.LocalId ?? identifier);
    }

    /// <summary>Standing from a 64: charge privileges denied means blocked, or expired once the expiry date (PE) has passed.</summary>
    private CommandResult Standing(Sip2Response answer, string fallbackId)
    {
        var expires = answer["PE"] is { Length: 8 } pe && DateOnly.TryParseExact(pe, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : (DateOnly?)null;
        var denied = answer.Fixed.Length > 0 && answer.Fixed[0] == 'Y';
        var status = !denied ? MemberStatus.Active : expires is { } x && x < DateOnly.FromDateTime(Now.UtcDateTime) ? MemberStatus.Expired : MemberStatus.Blocked;
        var fines = decimal.TryParse(answer["BV"], NumberStyles.Number, CultureInfo.InvariantCulture, out var owed) ? owed : 0m;
        try
        {
            var category = mappings.PatronCategory.Map(Installation, answer["PC"]);
            var standing = new PatronStanding(answer["XI"] ?? fallbackId, status, category,
                (answer.Fixed.Length > 10 && answer.Fixed[10] == 'Y') || fines > connection.Options.FineLimit, expires);
            return new CommandResult { Outcome = CommandOutcome.Succeeded, Patron = standing, RawStatus = answer.Fixed[..Math.Min(14, answer.Fixed.Length)] };
        }
        catch (MappingMissingException e)
        {
            return CommandResult.Rejected(RejectionReason.MappingMissing, e.Message, e.Value);
        }
    }
}
