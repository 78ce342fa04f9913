using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Infrastructure;

namespace Lsb.Hub.CustomerView;

/// <summary>The answers the customer endpoints share.</summary>
public static class CustomerProblems
{
    /// <summary>400 when <paramref name="memberId"/> is not a member id, else null.</summary>
    public static IResult? InvalidId(string memberId)
        => CanonicalId.TryParse<MemberId>(memberId, out _)
            ? null
            : Problems.Invalid("memberId", $"'{memberId}' is not a member id: expected 'mbr-' followed by 32 hexadecimal digits.");

    /// <summary>404 for a member the hub does not know.</summary>
    public static IResult Unknown(string memberId) => Problems.NotFound($"No member {memberId} is known to the hub.");

    /// <summary>410 for an erased member.</summary>
    public static IResult Erased(string memberId)
        => Results.Problem(statusCode: StatusCodes.Status410Gone, title: "Erased",
            detail: $"Member {memberId} was erased on request: the hub holds no personal data of this person any more.");
}
