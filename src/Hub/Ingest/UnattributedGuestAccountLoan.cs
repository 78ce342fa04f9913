using Lsb.Hub.Adapters.Changes;

namespace Lsb.Hub.Ingest;

/// <summary>A loan the lending system reports to a guest account, for which the hub recorded no guest loan.</summary>
/// <param name="Change">The loan change; not applied.</param>
/// <param name="GuestAccount">The account's card number.</param>
/// <param name="HoldingId">The copy's canonical id; null when the hub has not read the copy.</param>
public sealed record UnattributedGuestAccountLoan(LoanSnapshot Change, string GuestAccount, string? HoldingId)
{
    /// <summary>What happened and what to do, for the log and the failed-message store.</summary>
    public string Describe(string installationId)
        => $"Library system '{installationId}' reports loan '{Change.LocalId}' of copy {HoldingId ?? $"'{Change.HoldingLocalId}' (not read by the hub)"} " +
           $"to guest account '{GuestAccount}', but the hub recorded no guest loan of that copy to that account" +
           (Change.GuestCardNumber is null ? "" : ", and the card noted on the loan is not one member of another library system known to the hub (unknown, or a card number of several systems)") +
           ". A guest account is for loans made " +
           "through the hub: record the guest loan with POST /api/v1/guest-loans (checking out again to the same account is safe) and replay this " +
           "message; if the copy went to the account by mistake, check it in at the desk and archive this message.";
}
