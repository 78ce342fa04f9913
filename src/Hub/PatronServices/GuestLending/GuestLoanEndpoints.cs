using System.Security.Claims;
using Lsb.Hub.Auth;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Infrastructure;
using Lsb.Hub.Installations;

namespace Lsb.Hub.PatronServices.GuestLending;

/// <summary><c>POST /api/v1/guest-loans</c>: lend a copy to a member of another installation.</summary>
public static class GuestLoanEndpoints
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapGuestLoans(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/guest-loans", LendAsync).WithTags("Patron services")
            .WithSummary("Lend the lending library's copy to a member of another library system (key acting for the lending library)")
            .Produces<GuestLoanView>(201).ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422)
            .ProducesProblem(429).ProducesProblem(502).ProducesProblem(503);
        app.MapGet("/api/v1/guest-loans", OpenForHomeAsync).WithTags("Patron services")
            .WithSummary("Open guest loans of a home library's members elsewhere (key acting for that library)").Produces<IReadOnlyList<GuestLoanView>>()
            .ProducesProblem(400).ProducesProblem(403);
        app.MapGet("/api/v1/guest-loans/{loanId}", GetAsync).WithTags("Patron services")
            .WithSummary("One guest loan (key acting for the lending library or the member's home library)").Produces<GuestLoanView>()
            .ProducesProblem(403).ProducesProblem(404);
        return app;
    }

    private static async Task<IResult> LendAsync(HttpContext context, ClaimsPrincipal user, LibraryAccess access, GuestLoanService lending,
        CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<GuestLoanRequest>(context.Request, cancellationToken);
        if (problem is not null) return problem;
        var errors = new Dictionary<string, string[]>();
        Isil lendingIsil = default;
        if (string.IsNullOrWhiteSpace(body!.LendingIsil) || !Isil.TryParse(body.LendingIsil, out lendingIsil, out _))
            errors["lendingIsil"] = [$"Send the lending library's ISIL (e.g. NL-0850000000){(body.LendingIsil is null ? "" : $": '{body.LendingIsil}' is not one")}."];
        if (string.IsNullOrWhiteSpace(body.Barcode) || body.Barcode.Trim().Length > 64)
            errors["barcode"] = ["Send the barcode of the copy being lent (1 to 64 characters)."];
        if (string.IsNullOrWhiteSpace(body.CardNumber) || body.CardNumber.Trim().Length > 64)
            errors["cardNumber"] = ["Send the member's card number (1 to 64 characters)."];
        if (body.Pin is { } pin && (pin.Length == 0 || pin.Length > 128))
            errors["pin"] = ["Leave the PIN out, or send 1 to 128 characters."];
        if (body.HomeIsil is not null && !Isil.TryParse(body.HomeIsil, out _, out _))
            errors["homeIsil"] = [$"'{body.HomeIsil}' is not an ISIL: leave it out to search every library system."];
        if (errors.Count > 0) return Problems.Validation(errors);
        if (!await access.MaySeeAsync(user, lendingIsil.Value, cancellationToken))
            return Problems.Forbidden($"This key may not lend for library {lendingIsil}: use a key with library:{lendingIsil}, or of the POI that runs its system.");
        return await lending.LendAsync(body, lendingIsil, user, context.Response, context.TraceIdentifier, cancellationToken);
    }

    private static async Task<IResult> OpenForHomeAsync(string? homeIsil, int? limit, ClaimsPrincipal user, LibraryAccess access, InstallationStore installations,
        Storage.HubDatabase database, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(homeIsil) || !Isil.TryParse(homeIsil, out var home, out _))
            return Problems.Invalid("homeIsil", "Send ?homeIsil= with the ISIL of the library whose members' guest loans you want.");
        if (limit is < 1 or > 1000) return Problems.Invalid("limit", "Send a limit from 1 to 1000 (default 100).");
        if (!await access.MaySeeAsync(user, home.Value, cancellationToken))
            return Problems.Forbidden($"This key may not see the members of library {home}.");
        if (await installations.FindLibraryAsync(home, cancellationToken) is not { } library)
            return Problems.Invalid("homeIsil", $"Library {home} is not registered with the hub.");
        return Results.Ok(await GuestLoanViews.OpenForHomeAsync(database, library.Installation.Id, home.Value, limit ?? 100, cancellationToken));
    }

    private static async Task<IResult> GetAsync(string loanId, ClaimsPrincipal user, LibraryAccess access, Storage.HubDatabase database,
        CancellationToken cancellationToken)
    {
        if (await GuestLoanViews.GetAsync(database, loanId, cancellationToken) is not { } view) return Problems.NotFound($"No guest loan {loanId} is known to the hub.");
        if (!await access.MaySeeAsync(user, view.LendingIsil, cancellationToken) && !await access.MaySeeAsync(user, view.HomeIsil, cancellationToken))
            return Problems.Forbidden($"Only the lending library {view.LendingIsil} or the member's home library {view.HomeIsil} may see this guest loan.");
        return Results.Ok(view);
    }
}
