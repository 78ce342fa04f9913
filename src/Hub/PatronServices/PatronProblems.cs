using System.Globalization;

namespace Lsb.Hub.PatronServices;

/// <summary>Problem answers (application/problem+json) for verifications that did not verify.</summary>
public static class PatronProblems
{
    /// <summary>The problem for a failed <paramref name="verification"/>; sets <c>Retry-After</c> where it applies.</summary>
    public static IResult Of(Verification verification, HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(verification);
        ArgumentNullException.ThrowIfNull(response);
        if (verification.RetryAfter is { } wait) SetRetryAfter(response, wait);
        return verification.Outcome switch
        {
            VerificationOutcome.Throttled => Results.Problem(statusCode: 429, title: "Too many attempts", detail: verification.Message),
            VerificationOutcome.Ambiguous => Results.Problem(statusCode: 409, title: "Card number at several library systems", detail: verification.Message),
            VerificationOutcome.HomeUnavailable => Results.Problem(statusCode: 503, title: "Home library system unavailable", detail: verification.Message),
            VerificationOutcome.NotVerified => Results.Problem(statusCode: 422, title: "Member not verified",
                detail: verification.Message + " Check the card number and PIN with the member."),
            _ => Results.Problem(statusCode: 502, title: "Home library system could not verify", detail: verification.Message),
        };
    }

    /// <summary>Sets <c>Retry-After</c> in whole seconds (at least 1).</summary>
    public static void SetRetryAfter(HttpResponse response, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }
}
