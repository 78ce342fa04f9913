using Lsb.Hub.Canonical.Members;

namespace Lsb.Hub.Canonical.Events;

/// <summary>
/// The attributes of a member that events may carry: no direct identifiers. Birth date is reduced to a ten-year
/// band, the postcode to its four-digit area.
/// </summary>
/// <param name="Category">Canonical patron category.</param>
/// <param name="Status">Whether the member may borrow.</param>
/// <param name="ExpiresOn">Membership end date.</param>
/// <param name="BirthYearBand">Decade of birth, e.g. "1980-1989", or null.</param>
/// <param name="PostcodeArea">The four digits of the postcode, or null.</param>
public sealed record MemberProfile(
    MemberCategory Category,
    MemberStatus Status,
    DateOnly? ExpiresOn,
    string? BirthYearBand,
    string? PostcodeArea)
{
    /// <summary>Builds the profile of a member, dropping every direct identifier.</summary>
    public static MemberProfile Of(Member member)
    {
        ArgumentNullException.ThrowIfNull(member);
        string? band = null;
        if (member.BirthDate is { } birth)
        {
            var start = birth.Year / 10 * 10;
            band = $"{start}-{start + 9}";
        }
        return new MemberProfile(member.Category, member.Status, member.ExpiresOn, band, member.Address?.PostcodeArea);
    }
}
