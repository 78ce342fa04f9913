using System.Security.Claims;
using Lsb.Hub.Auth;
using Lsb.Hub.CustomerView;
using Lsb.Hub.Infrastructure;

namespace Lsb.Hub.Privacy.Erasure;

/// <summary>
/// <c>DELETE /api/v1/customers/{memberId}</c> erases the person (idempotent; a library key for its own members, a POI
/// key for its libraries' members, or admin); <c>GET /api/v1/erasures</c> lists the audit records (admin).
/// </summary>
public static class ErasureEndpoints
{
    /// <summary>The most audit records one call returns.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapErasure(this IEndpointRouteBuilder app)
    {
        app.MapDelete("/api/v1/customers/{memberId}", DeleteAsync).WithTags("Privacy")
            .WithSummary("Erase the person: every linked membership, from every hub store; a tombstone event goes to consumers (idempotent)")
            .Produces<ErasureReport>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        app.MapGet("/api/v1/erasures", ListAsync).WithTags("Privacy")
            .WithSummary("Erasure audit records: who, when, how much (admin)").Produces<IReadOnlyList<ErasureReport>>().ProducesProblem(403);
        return app;
    }

    private static async Task<IResult> DeleteAsync(string memberId, HttpContext context, ClaimsPrincipal user, CustomerDirectory customers,
        CustomerAccess access, ErasureService erasure, CancellationToken cancellationToken)
    {
        if (CustomerProblems.InvalidId(memberId) is { } invalid) return invalid;
        var customer = await customers.FindAsync(memberId, cancellationToken);
        if (customer is null) return CustomerProblems.Unknown(memberId);
        if (await access.CheckAsync(user, customer, cancellationToken) is { } forbidden) return forbidden;
        return Results.Ok(await erasure.EraseAsync(customer, user.KeyName(), context.TraceIdentifier, cancellationToken));
    }

    private static async Task<IResult> ListAsync(string? limit, ClaimsPrincipal user, ErasureAudit audit, CancellationToken cancellationToken)
    {
        if (!user.IsAdmin()) return Problems.Forbidden("The erasure audit needs scope 'admin'.");
        var value = 100;
        if (limit is not null && (!int.TryParse(limit, out value) || value < 1 || value > MaxLimit))
            return Problems.Invalid("limit", $"'limit' must be between 1 and {MaxLimit}; got '{limit}'.");
        return Results.Ok(await audit.ListAsync(value, cancellationToken));
    }
}
