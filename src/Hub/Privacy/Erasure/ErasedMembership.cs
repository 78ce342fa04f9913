namespace Lsb.Hub.Privacy.Erasure;

/// <summary>A membership about to be erased, as read just before: the identifiers stay in memory only.</summary>
/// <param name="MemberId">The canonical member id.</param>
/// <param name="HomeIsil">Home library (kept on the tombstone).</param>
/// <param name="CardNumber">Card number.</param>
/// <param name="NationalUserId">National user id.</param>
/// <param name="Email">E-mail address.</param>
public sealed record ErasedMembership(string MemberId, string HomeIsil, string? CardNumber, string? NationalUserId, string? Email);
