namespace Lsb.Hub.Ingest.State;

/// <summary>A loan the hub recorded as a guest loan (patron services): the lending system checked the copy out to
/// <see cref="GuestAccount"/> on behalf of a member of another library, and that system's loan of the copy is this loan.</summary>
public sealed class GuestLoanRecord
{
    /// <summary>The canonical loan, as stored; its member is the guest, not the account.</summary>
    public required LoanRow Loan { get; init; }

    /// <summary>The copy.</summary>
    public required string HoldingId { get; init; }

    /// <summary>The card number of the guest account the copy was checked out to.</summary>
    public required string GuestAccount { get; init; }

    /// <summary>True when a loan of the lending system maps to it already (or the page mapped one): a second NEVER does.</summary>
    public bool Claimed { get; set; }
}
