using System.Globalization;
using System.Security.Claims;
using Dapper;
using Lsb.Hub.Auth;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Infrastructure;
using Lsb.Hub.Storage;

namespace Lsb.Hub.PatronServices.Returns;

/// <summary>Return anywhere: <c>POST /api/v1/returns</c>, the owner's transit worklist and receipt.</summary>
public static class ReturnEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapReturns(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/returns", ReturnAsync).WithTags("Patron services")
            .WithSummary("A copy handed in at any library: checked in at its owner, in transit home (key acting for the returning library)")
            .Produces<CopyReturnView>().ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(502).ProducesProblem(503);
        app.MapGet("/api/v1/returns", InTransitAsync).WithTags("Patron services")
            .WithSummary("Copies in transit to a library (key acting for that library)").Produces<IReadOnlyList<CopyReturnView>>().ProducesProblem(400).ProducesProblem(403);
        app.MapGet("/api/v1/returns/{id}", GetAsync).WithTags("Patron services")
            .WithSummary("One return (key acting for the owning or the returning library)").Produces<CopyReturnView>().ProducesProblem(403).ProducesProblem(404);
        app.MapPost("/api/v1/returns/{id}/receipt", ReceiveAsync).WithTags("Patron services")
            .WithSummary("The owning library confirms the copy arrived (idempotent)").Produces<CopyReturnView>().ProducesProblem(403).ProducesProblem(404);
        return app;
    }

    private static async Task<IResult> ReturnAsync(HttpContext context, ClaimsPrincipal user, LibraryAccess access, ReturnService returns, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<ReturnRequest>(context.Request, cancellationToken);
        if (problem is not null) return problem;
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body!.Barcode) || body.Barcode.Trim().Length > 64)
            errors["barcode"] = ["Send the barcode of the copy handed in (1 to 64 characters)."];
        Isil returning = default;
        if (string.IsNullOrWhiteSpace(body.ReturningIsil) || !Isil.TryParse(body.ReturningIsil, out returning, out _))
            errors["returningIsil"] = ["Send the ISIL of the library where the copy was handed in (e.g. NL-0853010000)."];
        if (body.OwningIsil is not null && !Isil.TryParse(body.OwningIsil, out _, out _))
            errors["owningIsil"] = [$"'{body.OwningIsil}' is not an ISIL: leave it out, or send the owning library's ISIL from the copy's label."];
        if (errors.Count > 0) return Problems.Validation(errors);
        if (!await access.MaySeeAsync(user, returning.Value, cancellationToken))
            return Problems.Forbidden($"This key may not take returns for library {returning}: use a key with library:{returning}, or of the POI that runs its system.");
        var outcome = await returns.HandInAsync(new CopyHandIn(body.Barcode!, returning, body.OwningIsil, user.KeyName(), context.TraceIdentifier), cancellationToken);
        return ReturnAnswers.From(outcome, context.Response);
    }

    private static async Task<IResult> InTransitAsync(string? owningIsil, int? limit, ClaimsPrincipal user, LibraryAccess access, HubDatabase database,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(owningIsil) || !Isil.TryParse(owningIsil, out var owner, out _))
            return Problems.Invalid("owningIsil", "Send ?owningIsil= with the ISIL of the library whose copies are on their way home.");
        if (limit is < 1 or > 1000) return Problems.Invalid("limit", "Send a limit from 1 to 1000 (default 100).");
        if (!await access.MaySeeAsync(user, owner.Value, cancellationToken))
            return Problems.Forbidden($"This key may not see the transits of library {owner}.");
        return Results.Ok(await ReturnViews.InTransitToAsync(database, owner.Value, limit ?? 100, cancellationToken));
    }

    private static async Task<IResult> GetAsync(string id, ClaimsPrincipal user, LibraryAccess access, HubDatabase database, CancellationToken cancellationToken)
    {
        if (await ReturnViews.GetAsync(database, id, cancellationToken) is not { } view) return Problems.NotFound($"No return {id} is known to the hub.");
        if (!await access.MaySeeAsync(user, view.OwningIsil, cancellationToken) && !await access.MaySeeAsync(user, view.ReturningIsil, cancellationToken))
            return Problems.Forbidden($"This key may see returns of {view.OwningIsil} or {view.ReturningIsil} only with a key acting for one of them.");
        return Results.Ok(view);
    }

    private static async Task<IResult> ReceiveAsync(string id, ClaimsPrincipal user, LibraryAccess access, HubDatabase database, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (await ReturnViews.GetAsync(database, id, cancellationToken) is not { } view) return Problems.NotFound($"No return {id} is known to the hub.");
        if (!await access.MaySeeAsync(user, view.OwningIsil, cancellationToken))
            return Problems.Forbidden($"Only the owning library {view.OwningIsil} (or its POI) confirms that its copy arrived.");
        if (view.State == ReturnStates.InTransit)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE copy_returns SET state = @received, received_at = @at, received_by = @by WHERE id = @id AND state = @transit",
                new { received = ReturnStates.Received, transit = ReturnStates.InTransit, id, by = user.KeyName(),
                    at = time.GetUtcNow().ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) }, cancellationToken: cancellationToken));
        }
        return Results.Ok(await ReturnViews.GetAsync(database, id, cancellationToken));
    }
}
