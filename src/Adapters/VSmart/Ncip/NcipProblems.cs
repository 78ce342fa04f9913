using Lsb.Hub.Canonical.Commands;

namespace Lsb.Hub.Adapters.VSmart.Ncip;

/// <summary>
/// What an NCIP Problem means for a canonical command. Matched on the problem type value (case-insensitive; the scheme
/// is informative only, as vendors omit or vary it). Idempotent repeats are <see cref="CommandOutcome.AlreadyDone"/>:
/// checking in a copy that is not checked out, cancelling a request V-smart no longer has, deleting a copy that is gone.
/// Business refusals — a blocked patron among them — are <see cref="CommandOutcome.Rejected"/>: NEVER retried.
/// </summary>
internal static class NcipProblems
{
    public static CommandResult ToResult(string service, NcipProblemReport problem, string doing)
    {
        var type = problem.Type.Trim().ToUpperInvariant();
        var done = (service, type) switch
        {
            ("CheckInItem", "ITEM NOT CHECKED OUT") => "The copy was not on loan: already checked in.",
            ("CancelRequestItem", "UNKNOWN REQUEST") => "V-smart has no such request any more: already cancelled.",
            ("DeleteItem", "UNKNOWN ITEM") => "V-smart has no such copy any more: already deleted.",
            _ => null,
        };
        if (done is not null) return new CommandResult { Outcome = CommandOutcome.AlreadyDone, Message = done, RawStatus = problem.Type };
        if (type is "TEMPORARY PROCESSING FAILURE" or "SYSTEM TEMPORARILY UNAVAILABLE")
            return new CommandResult { Outcome = CommandOutcome.Transient, Message = $"V-smart could not carry out {doing} now: {problem}", RawStatus = problem.Type };
        var reason = Reason(service, type);
        return CommandResult.Rejected(reason, $"V-smart refused {doing}: {problem}.{Advice(reason)}", problem.Type);
    }

    private static RejectionReason Reason(string service, string type) => type switch
    {
        "USER BLOCKED" or "USER PRIVILEGE EXPIRED" or "USER PRIVILEGES EXPIRED" or "USER DELINQUENT" => RejectionReason.PatronBlocked,
        "UNKNOWN USER" or "USER NOT FOUND" => RejectionReason.PatronUnknown,
        "USER AUTHENTICATION FAILED" or "INVALID USER CREDENTIALS" => RejectionReason.InvalidCredentials,
        "UNKNOWN ITEM" or "ITEM NOT FOUND" or "UNKNOWN BIBLIOGRAPHIC RECORD" => RejectionReason.ItemUnknown,
        "MAXIMUM RENEWALS EXCEEDED" or "ITEM NOT RENEWABLE" or "USER INELIGIBLE TO RENEW THIS ITEM" => RejectionReason.NotRenewable,
        _ when type.StartsWith("RENEWAL NOT ALLOWED", StringComparison.Ordinal) => RejectionReason.NotRenewable,
        "ITEM HAS OUTSTANDING REQUESTS" when service == "RenewItem" => RejectionReason.NotRenewable,
        "ITEM DOES NOT CIRCULATE" or "RESOURCE CANNOT BE PROVIDED" or "ITEM ALREADY CHECKED OUT" or "MAXIMUM CHECK OUTS EXCEEDED"
            or "ITEM NOT CHECKED OUT" or "ITEM HAS OUTSTANDING REQUESTS" or "USER INELIGIBLE TO CHECK OUT THIS ITEM" or "USER INELIGIBLE TO REQUEST THIS ITEM"
            => RejectionReason.ItemNotAvailable,
        _ when type.StartsWith("ITEM NOT AVAILABLE", StringComparison.Ordinal) => RejectionReason.ItemNotAvailable,
        "AGENCY AUTHENTICATION FAILED" or "UNAUTHORIZED SERVICE" or "UNAUTHORIZED COMBINATION OF ELEMENT VALUES FOR AGENCY" => RejectionReason.Unauthorized,
        _ => RejectionReason.InvalidRequest,
    };

    private static string Advice(RejectionReason reason) => reason switch
    {
        RejectionReason.PatronBlocked => " The patron must settle this at their library; retrying will not help.",
        RejectionReason.Unauthorized => " Ask the installation's administrator to allow the hub's NCIP agency.",
        RejectionReason.InvalidRequest => " Check the command and the installation's registration (library ids).",
        _ => string.Empty,
    };
}
