using System.Security.Claims;
using Lsb.Hub.Auth;
using Lsb.Hub.Infrastructure;

namespace Lsb.Hub.Privacy.Retention;

/// <summary>Retention reports (admin): <c>GET /api/v1/privacy/retention/runs</c>, <c>GET …/runs/{id}</c>, and
/// <c>POST …/runs</c> to run now.</summary>
public static class RetentionEndpoints
{
    /// <summary>The most runs one call returns.</summary>
    public const int MaxLimit = 500;

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapRetention(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/privacy/retention/runs", ListAsync).WithTags("Privacy")
            .WithSummary("Retention runs, newest first: what each pseudonymised, kept and expired (admin)")
            .Produces<IReadOnlyList<RetentionRun>>().ProducesValidationProblem().ProducesProblem(403);
        app.MapGet("/api/v1/privacy/retention/runs/{id}", GetAsync).WithTags("Privacy")
            .WithSummary("One retention run (admin)").Produces<RetentionRun>().ProducesProblem(403).ProducesProblem(404);
        app.MapPost("/api/v1/privacy/retention/runs", RunAsync).WithTags("Privacy")
            .WithSummary("Run retention now and answer with its report (admin)").Produces<RetentionRun>().ProducesProblem(403);
        return app;
    }

    private static async Task<IResult> ListAsync(string? limit, ClaimsPrincipal user, RetentionReports reports, CancellationToken cancellationToken)
    {
        if (!user.IsAdmin()) return Problems.Forbidden("Retention reports need scope 'admin'.");
        var value = 50;
        if (limit is not null && (!int.TryParse(limit, out value) || value < 1 || value > MaxLimit))
            return Problems.Invalid("limit", $"'limit' must be between 1 and {MaxLimit}; got '{limit}'.");
        return Results.Ok(await reports.ListAsync(value, cancellationToken));
    }

    private static async Task<IResult> GetAsync(string id, ClaimsPrincipal user, RetentionReports reports, CancellationToken cancellationToken)
    {
        if (!user.IsAdmin()) return Problems.Forbidden("Retention reports need scope 'admin'.");
        return await reports.GetAsync(id, cancellationToken) is { } run ? Results.Ok(run) : Problems.NotFound($"No retention run {id}.");
    }

    private static async Task<IResult> RunAsync(ClaimsPrincipal user, RetentionRunner runner, CancellationToken cancellationToken)
    {
        if (!user.IsAdmin()) return Problems.Forbidden("Running retention needs scope 'admin'.");
        return Results.Ok(await runner.RunAsync(user.KeyName(), cancellationToken));
    }
}
