using System.Security.Claims;
using Lsb.Hub.Auth;
using Lsb.Hub.Canonical.Commands;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.CustomerView;
using Lsb.Hub.EventLog;
using Lsb.Hub.Infrastructure;
using Lsb.Hub.Installations;
using Lsb.Hub.Storage;
using Microsoft.Extensions.Options;

namespace Lsb.Hub.PatronServices.GuestLending;

/// <summary>
/// Guest lending: a library lends its copy to a member of another installation. The member is verified at HOME (blocks,
/// expiry, fines), the copy is checked out in the LENDING system to the guest account for the member's home library (so
/// the lending library's loan period, return and overdue rules apply), and the loan is recorded canonically under the
/// member, where their customer view shows it. No vendor's canonical command set can tell a home system of a loan
/// elsewhere, so the hub is the record of where a member has guest loans.
/// </summary>
public sealed class GuestLoanService(
    InstallationStore installations, UnionHoldings holdings, MemberVerifier verifier, IlsCalls ils, HubDatabase database, EventLogSignal signal,
    IOptionsMonitor<PatronServicesOptions> options, TimeProvider time, ILogger<GuestLoanService> logger)
{
    /// <summary>Lends; the answer is the loan (201) or a problem saying what to do. Nothing changes unless the loan is made.</summary>
    public async Task<IResult> LendAsync(GuestLoanRequest body, Isil lendingIsil, ClaimsPrincipal user, HttpResponse response, string? correlationId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(response);
        if (await installations.FindLibraryAsync(lendingIsil, cancellationToken) is not { } lender)
            return Problems.Invalid("lendingIsil", $"Library {lendingIsil} is not registered with the hub: register its installation first, or correct the ISIL.");
        var copies = (await holdings.FindAsync(body.Barcode!, cancellationToken)).Where(c => c.InstallationId == lender.Installation.Id).ToList();
        if (copies.Count == 0)
            return Problems.NotFound($"Library system '{lender.Installation.Id}' of {lendingIsil} has no copy with barcode '{body.Barcode}' known to the hub. " +
                "Check the barcode; a copy added today appears once the hub has read it from the library system.");
        if (copies.Count > 1)
            return Problems.Conflict($"Barcode '{body.Barcode}' names {copies.Count} copies of library system '{lender.Installation.Id}'. Lend the copy in the library system itself.");
        var copy = copies[0];
        if (await holdings.IsOnLoanAsync(copy.HoldingId, cancellationToken))
            return Problems.Conflict($"Copy '{body.Barcode}' ({copy.HoldingId}) is on loan according to the hub. Return it first.");

        var verification = await verifier.VerifyAsync(user.KeyName(), body.CardNumber!, body.Pin, body.HomeIsil, cancellationToken);
        if (verification.Outcome != VerificationOutcome.Verified || verification.Verdict is not { } verdict) return PatronProblems.Of(verification, response);
        var member = verdict.Membership;
        if (member.InstallationId == lender.Installation.Id)
            return Problems.Conflict($"The member belongs to library system '{member.InstallationId}', the lending library's own: lend the copy there, not as a guest loan.");
        if (verdict.Refusal is { } refusal) return Problems.Conflict(refusal);

        var account = options.CurrentValue.GuestAccount(lendingIsil.Value, HeadOffice(member.HomeIsil));
        var loanId = LoanId.New();
        var result = await ils.ExecuteAsync(lender.Installation.Id, new CheckOut
        {
            IdempotencyKey = loanId.ToString(), Isil = lendingIsil, Patron = new PatronRef(null, null, account),
            Item = new ItemRef(HoldingId.Parse(copy.HoldingId), copy.LocalId, copy.Barcode),
        }, cancellationToken);
        logger.LogInformation("Guest loan {LoanId} of {HoldingId} at {LendingIsil} for member {MemberId}: check-out {Outcome} {Reason}", loanId, copy.HoldingId,
            lendingIsil, member.MemberId, result.Outcome, result.Reason);
        if (CheckOutProblem(result, account, member.HomeIsil, lendingIsil, response) is { } problem) return problem;

        var now = time.GetUtcNow();
        long position;
        await using (var connection = await database.OpenAsync(cancellationToken))
        await using (var transaction = await HubDatabase.BeginWriteAsync(connection, cancellationToken))
        {
            position = await GuestLoanStore.RecordAsync(connection, transaction, new GuestLoanStore.NewGuestLoan(loanId, member, copy, lendingIsil, lender.Installation.Id, account,
                now, result.DueAt, user.KeyName()), correlationId, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        signal.Notify(position);
        var view = new GuestLoanView(loanId.ToString(), member.MemberId, member.HomeIsil, lendingIsil.Value, copy.HoldingId, copy.Barcode, copy.Title, now,
            result.DueAt, account, HomeSystemInformed: false,
            Notice: $"Lent in '{lender.Installation.Id}' to guest account '{account}': the lending library's loan period and overdue rules apply. The member's home " +
                "system cannot be told of loans elsewhere, so the hub is the record; the member sees the loan in their customer view.");
        return Results.Created($"/api/v1/guest-loans/{loanId}", view);
    }

    private static IResult? CheckOutProblem(CommandResult result, string account, string homeIsil, Isil lendingIsil, HttpResponse response)
    {
        if (result.IsSuccess) return null;
        if (result.RetryAfter is { } wait) PatronProblems.SetRetryAfter(response, wait);
        return (result.Outcome, result.Reason) switch
        {
            (CommandOutcome.Rejected, RejectionReason.PatronUnknown) => Problems.Conflict(
                $"The lending library's system has no guest account '{account}' for members of {homeIsil}. Create that account in the library system " +
                $"(the pattern is PatronServices:GuestAccountPattern) and lend again; nothing was changed."),
            (CommandOutcome.Rejected, RejectionReason.ItemNotAvailable or RejectionReason.ItemUnknown) => Problems.Conflict(
                $"The lending library's system refused the check-out: {result.Message} Nothing was changed."),
            (CommandOutcome.Rejected, RejectionReason.PatronBlocked) => Problems.Conflict(
                $"The guest account '{account}' is blocked in the lending library's system: unblock it there and lend again."),
            (CommandOutcome.Transient, _) => Results.Problem(statusCode: 503, title: "Lending library system unavailable",
                detail: $"{result.Message} Nothing was changed."),
            (CommandOutcome.Unknown, _) => Results.Problem(statusCode: 502, title: "Check-out outcome unknown",
                detail: $"The lending library's system did not confirm the check-out; it may have happened. Check copy status in {lendingIsil}'s system before lending again."),
            (CommandOutcome.NotSupported or CommandOutcome.ManualActionRequired, _) => Problems.Conflict(
                $"The lending library's system cannot check out through the hub ({result.Message}). Lend the copy in that system by hand."),
            _ => Results.Problem(statusCode: 502, title: "Lending library system refused", detail: result.Message),
        };
    }

    /// <summary>The head-office ISIL of a Dutch library (one guest account per library organisation, not per branch).</summary>
    internal static string HeadOffice(string isil)
    {
        var organisation = LibraryOrganisation.Of(isil);
        return organisation.Length == 9 ? organisation + "0000" : isil.Trim().ToUpperInvariant();
    }
}
