namespace Lsb.Hub.PatronServices.Returns;

/// <summary>A return as the API shows it.</summary>
/// <param name="Id">The return's id (<c>ret-…</c>); null when the copy came back to its own library (nothing to track).</param>
/// <param name="HoldingId">The copy.</param>
/// <param name="Barcode">Its barcode.</param>
/// <param name="OwningIsil">The library that owns the copy.</param>
/// <param name="ReturningIsil">Where it was handed in.</param>
/// <param name="OwnerCheckIn">What the owner's system said: CheckedIn, AlreadyCheckedIn or ManualActionRequired.</param>
/// <param name="EndedLoans">Loans the hub recorded (guest loans) that this return ended. Loans the owner's system
/// recorded end through its change feed, as every check-in there does.</param>
/// <param name="State">InTransit (on its way to the owner), Received (the owner confirmed), or AtHome (returned at its own library).</param>
/// <param name="ReturnedAt">When it was handed in.</param>
/// <param name="ReceivedAt">When the owner confirmed receipt.</param>
public sealed record CopyReturnView(string? Id, string HoldingId, string Barcode, string OwningIsil, string ReturningIsil, string OwnerCheckIn,
    IReadOnlyList<string> EndedLoans, string State, DateTimeOffset ReturnedAt, DateTimeOffset? ReceivedAt);
