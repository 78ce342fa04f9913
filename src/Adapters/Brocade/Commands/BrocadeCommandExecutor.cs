using Lsb.Hub.Adapters.Brocade.Mapping;
using Lsb.Hub.Adapters.Brocade.Sip2;
using Lsb.Hub.Canonical.Commands;
using Lsb.Hub.Canonical.Identity;
using Polly.CircuitBreaker;

namespace Lsb.Hub.Adapters.Brocade.Commands;

/// <summary>
/// Carries out canonical commands over SIP2. SIP2 answers with an ok flag and a screen message (AF);
/// <c>mappings/brocade/screen-messages.csv</c> says what each message means (a repeat, an unknown patron, …), and a
/// message it does not know gets the command's default reason with the message quoted. A changing request whose answer
/// was lost is <see cref="CommandOutcome.Unknown"/>; transport faults are <see cref="CommandOutcome.Transient"/>.
/// </summary>
internal sealed partial class BrocadeCommandExecutor(BrocadeConnection connection, BrocadeMappings mappings, TimeProvider time)
{
    private string Installation => connection.Id;

    public async Task<CommandResult> ExecuteAsync(IlsCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command is CreateTemporaryItem or DeleteTemporaryItem)
        {
            return new CommandResult
            {
                Outcome = CommandOutcome.ManualActionRequired,
                Message = "Brocade is reached over SIP2, which cannot create or delete copies: library staff create (or remove) the temporary copy in Brocade by hand" +
                    (command is CreateTemporaryItem c ? $" (barcode {c.Barcode}, '{c.Title}')." : "."),
            };
        }
        if (Institution(command.Isil) is not { } institution)
        {
            return CommandResult.Rejected(RejectionReason.InvalidRequest,
                $"ISIL {command.Isil} is not a library of Brocade installation '{Installation}': register it with the installation, or add its branch to {mappings.Branches.DisplayPath}.");
        }
        try
        {
            return command switch
            {
                LookupPatron c => await LookupAsync(c.Patron, null, institution, cancellationToken),
                AuthenticatePatron c => await AuthenticateAsync(c, institution, cancellationToken),
                CheckOut c => await CheckOutAsync(c, institution, cancellationToken),
                CheckIn c => await CheckInAsync(c, institution, cancellationToken),
                RenewLoan c => await RenewAsync(c, institution, cancellationToken),
                PlaceHold c => await PlaceHoldAsync(c, institution, cancellationToken),
                CancelHold c => await CancelHoldAsync(c, institution, cancellationToken),
                _ => CommandResult.NotSupported($"The Brocade adapter does not carry out {command.GetType().Name}."),
            };
        }
        catch (Sip2AnswerLostException e)
        {
            return new CommandResult { Outcome = CommandOutcome.Unknown, Message = e.Message + " The request may or may not have been carried out: read the state before trying again." };
        }
        catch (IlsUnavailableException e)
        {
            return CommandResult.Transient(e.Message, e.InnerException is BrokenCircuitException ? connection.Options.CircuitBreakDuration : null);
        }
        catch (IlsProtocolException e) when (e.InnerException is Sip2LoginRefusedException)
        {
            return CommandResult.Rejected(RejectionReason.Unauthorized, e.Message);
        }
    }

    /// <summary>The SIP2 institution id (AO): the registered library with that ISIL, or the library of a branch with it.</summary>
    private string? Institution(Isil isil)
    {
        foreach (var library in connection.Installation.Libraries)
            if (library.Isil == isil) return library.VendorLibraryId;
        foreach (var (libraryCode, _) in mappings.BranchesWithIsil(Installation, isil))
            if (connection.Installation.Libraries.Any(l => l.VendorLibraryId == libraryCode)) return libraryCode;
        return null;
    }

    private Task<Sip2Response> SendAsync(string body, bool changes, string what, CancellationToken cancellationToken)
        => connection.SipAsync(body, changes, what, cancellationToken);

    /// <summary>A refusal: the screen message's verdict from the table, or <paramref name="fallback"/>.</summary>
    private CommandResult Refused(Sip2Response answer, RejectionReason fallback, string doing, bool repeatable = true)
    {
        var message = answer.ScreenMessage;
        var verdict = mappings.Verdict(Installation, message);
        if (verdict == SipVerdict.AlreadyDone && !repeatable) verdict = null;
        if (verdict == SipVerdict.AlreadyDone) return new CommandResult { Outcome = CommandOutcome.AlreadyDone, Message = $"Brocade says: {message}.", RawStatus = message };
        var reason = verdict switch
        {
            SipVerdict.PatronUnknown => RejectionReason.PatronUnknown,
            SipVerdict.PatronBlocked => RejectionReason.PatronBlocked,
            SipVerdict.ItemUnknown => RejectionReason.ItemUnknown,
            SipVerdict.ItemNotAvailable => RejectionReason.ItemNotAvailable,
            SipVerdict.NotRenewable => RejectionReason.NotRenewable,
            SipVerdict.InvalidRequest => RejectionReason.InvalidRequest,
            _ => fallback,
        };
        var hint = verdict is null && message is not null && repeatable
            ? $" (to classify this message, add it to {mappings.ScreenMessages.DisplayPath})" : string.Empty;
        return CommandResult.Rejected(reason, $"Brocade refused {doing}: {message ?? "no reason given"}{hint}.", message);
    }

    private DateTimeOffset Now => time.GetUtcNow();
}
