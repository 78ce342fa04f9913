namespace Lsb.Hub.PatronServices.Authentication;

/// <summary>
/// The answer of <c>POST /api/v1/patrons/authenticate</c>. Only what a service needs to let a member in: no name, address,
/// card number or PIN. When <see cref="Valid"/> is false every other field is null.
/// </summary>
/// <param name="Valid">True when the home system accepted the card number and PIN.</param>
/// <param name="MemberId">The canonical member id (stable; not the card number).</param>
/// <param name="HomeIsil">The member's home library.</param>
/// <param name="MayBorrow">True when nothing below stops the member from borrowing.</param>
/// <param name="Blocked">The home library blocks the member.</param>
/// <param name="Expired">The membership has expired.</param>
/// <param name="FinesOverLimit">Unpaid fines exceed the home library's limit.</param>
public sealed record AuthenticationAnswer(bool Valid, string? MemberId, string? HomeIsil, bool? MayBorrow, bool? Blocked, bool? Expired, bool? FinesOverLimit)
{
    /// <summary>The answer for a wrong PIN or an unknown card (not told apart).</summary>
    public static AuthenticationAnswer Invalid { get; } = new(false, null, null, null, null, null, null);
}
