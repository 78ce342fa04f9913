using System.Net;
using Lsb.Hub.Adapters.Wise.Dto;
using Lsb.Hub.Canonical.Commands;

namespace Lsb.Hub.Adapters.Wise.Commands;

/// <summary>Looking up and authenticating patrons. The PIN is sent to Wise and NEVER logged or kept.</summary>
internal sealed partial class WiseCommandExecutor
{
    private async Task<CommandResult> LookupPatronAsync(LookupPatron command, WiseTarget target, CancellationToken cancellationToken)
    {
        var (patronId, unresolved) = await ResolvePatronAsync(command.Patron, target, cancellationToken);
        if (unresolved is not null) return unresolved;
        return await StandingAsync(patronId!, target, cancellationToken);
    }

    private async Task<CommandResult> AuthenticatePatronAsync(AuthenticatePatron command, WiseTarget target, CancellationToken cancellationToken)
    {
        var answer = await SendAsync("authenticating a patron",
            (api, c) => api.Authenticate(new WiseAuthenticationRequest(target.LibraryId, command.CardNumber, command.Pin), c),
            WiseJsonContext.Default.WiseAuthentication, isPost: true, cancellationToken);
        if (answer.Failure is { } failure) return failure;
        if (answer.Refusal is { } refusal)
        {
            return refusal.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound
                ? CommandResult.Rejected(RejectionReason.InvalidCredentials, "The card number or PIN is wrong.", refusal.Code)
                : Refused(RejectionReason.InvalidRequest, refusal, "the patron login");
        }
        return await StandingAsync(answer.Value!.PatronSystemId, target, cancellationToken);
    }

    private async Task<CommandResult> StandingAsync(string patronId, WiseTarget target, CancellationToken cancellationToken)
    {
        var answer = await SendAsync($"looking up patron {patronId}", (api, c) => api.PatronInformation(patronId, target.LibraryId, c),
            WiseJsonContext.Default.WisePatron, isPost: false, cancellationToken);
        if (answer.Failure is { } failure) return failure;
        if (answer.Refusal is { } refusal)
        {
            return refusal.Status == HttpStatusCode.NotFound
                ? CommandResult.Rejected(RejectionReason.PatronUnknown, $"Library {target.LibraryId} of Wise installation '{Installation}' has no patron {patronId}.", refusal.Code)
                : Refused(RejectionReason.InvalidRequest, refusal, $"the lookup of patron {patronId}");
        }
        var patron = answer.Value!;
        try
        {
            var standing = new PatronStanding(patron.PatronSystemId, mappings.PatronStatus.Map(Installation, patron.Status),
                mappings.PatronCategory.Map(Installation, patron.Category), patron.Fines > connection.Options.FineLimit, patron.ExpiresOn);
            return new CommandResult { Outcome = CommandOutcome.Succeeded, Patron = standing, RawStatus = patron.Status };
        }
        catch (MappingMissingException e)
        {
            return CommandResult.Rejected(RejectionReason.MappingMissing, e.Message, e.Value);
        }
    }

    /// <summary>The patron's Wise id: the local id the hub knows, or a search by card number.</summary>
    private async Task<(string? Id, CommandResult? Failure)> ResolvePatronAsync(PatronRef? patron, WiseTarget target, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(patron?.LocalId)) return (patron.LocalId, null);
        if (string.IsNullOrEmpty(patron?.CardNumber))
            return (null, CommandResult.Rejected(RejectionReason.InvalidRequest, "The command names the patron by neither Wise id nor card number."));
        var answer = await SendAsync("searching a patron by card number", (api, c) => api.SearchPatrons(target.LibraryId, patron.CardNumber, 0, 1, c),
            WiseJsonContext.Default.WisePatronListWisePatronId, isPost: false, cancellationToken);
        if (answer.Failure is { } failure) return (null, failure);
        if (answer.Refusal is { } refusal) return (null, Refused(RejectionReason.InvalidRequest, refusal, "the card search"));
        return answer.Value!.Patrons.FirstOrDefault() is { } hit
            ? (hit.PatronSystemId, null)
            : (null, CommandResult.Rejected(RejectionReason.PatronUnknown, $"Library {target.LibraryId} of Wise installation '{Installation}' has no patron with that card number."));
    }
}
