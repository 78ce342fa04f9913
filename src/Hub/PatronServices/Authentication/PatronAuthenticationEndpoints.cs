using System.Security.Claims;
using System.Text.RegularExpressions;
using Lsb.Hub.Auth;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Infrastructure;

namespace Lsb.Hub.PatronServices.Authentication;

/// <summary><c>POST /api/v1/patrons/authenticate</c>: national patron authentication through the member's home system.</summary>
public static partial class PatronAuthenticationEndpoints
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapPatronAuthentication(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/patrons/authenticate", AuthenticateAsync).WithTags("Patron services")
            .WithSummary("Verify a card number and PIN against the member's home library system (scope patron-auth)")
            .Produces<AuthenticationAnswer>().ProducesProblem(400).ProducesProblem(403).ProducesProblem(409).ProducesProblem(429).ProducesProblem(502).ProducesProblem(503);
        return app;
    }

    private static async Task<IResult> AuthenticateAsync(HttpRequest request, HttpResponse response, ClaimsPrincipal user, MemberVerifier verifier,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!user.Has(Scopes.PatronAuth) && !user.IsAdmin())
            return Problems.Forbidden("Patron authentication needs an API key with the scope 'patron-auth'.");
        var (body, problem) = await JsonBody.ReadAsync<AuthenticatePatronRequest>(request, cancellationToken);
        if (problem is not null) return problem;
        var errors = Validate(body!);
        if (errors.Count > 0) return Problems.Validation(errors);

        var verification = await verifier.VerifyAsync(user.KeyName(), body!.CardNumber!, body.Pin!, body.HomeIsil, cancellationToken);
        loggers.CreateLogger(typeof(PatronAuthenticationEndpoints).FullName!).LogInformation("Patron authentication for service {Service} by {Client}: {Outcome}", body.Service, user.KeyName(), verification.Outcome);
        return verification.Outcome switch
        {
            VerificationOutcome.Verified when verification.Verdict is { } v => Results.Ok(new AuthenticationAnswer(true, v.Membership.MemberId, v.Membership.HomeIsil,
                v.MayBorrow, v.Blocked, v.Expired, v.FinesOverLimit)),
            VerificationOutcome.NotVerified => Results.Ok(AuthenticationAnswer.Invalid),
            _ => PatronProblems.Of(verification, response),
        };
    }

    private static Dictionary<string, string[]> Validate(AuthenticatePatronRequest body)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.CardNumber) || body.CardNumber.Trim().Length > 64)
            errors["cardNumber"] = ["Send the member's card number (1 to 64 characters)."];
        if (string.IsNullOrEmpty(body.Pin) || body.Pin.Length > 128)
            errors["pin"] = ["Send the member's PIN or password (1 to 128 characters)."];
        if (string.IsNullOrWhiteSpace(body.Service) || !ServicePattern().IsMatch(body.Service))
            errors["service"] = ["Send the asking service as a short name of lower-case letters, digits and hyphens, e.g. 'kb-online-library'."];
        if (body.HomeIsil is not null && !Isil.TryParse(body.HomeIsil, out _, out var why))
            errors["homeIsil"] = [$"'{body.HomeIsil}' is not an ISIL: {why} Leave it out to search every library system."];
        return errors;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex ServicePattern();
}
