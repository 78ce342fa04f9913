using System.Security.Claims;
using Lsb.Hub.Auth;
using Lsb.Hub.Infrastructure;

namespace Lsb.Hub.EventLog;

/// <summary><c>GET /api/v1/events?after=&amp;limit=</c>: the raw event log (admin only).</summary>
public static class EventLogEndpoints
{
    /// <summary>The most events one call returns.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapEventLog(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/events", ReadAsync).WithTags("Event log")
            .WithSummary("Events after a position, oldest first (admin)").Produces<EventPage>().ProducesValidationProblem();
        return app;
    }

    private static async Task<IResult> ReadAsync(string? after, string? limit, ClaimsPrincipal user, EventLogReader reader, CancellationToken cancellationToken)
    {
        if (!user.IsAdmin()) return Problems.Forbidden("The raw event log needs scope 'admin'. The DWH reads the pseudonymised feed instead.");
        long afterValue = 0;
        if (after is not null && (!long.TryParse(after, out afterValue) || afterValue < 0))
            return Problems.Invalid("after", $"'after' must be a position (a whole number ≥ 0); got '{after}'.");
        var limitValue = 100;
        if (limit is not null && (!int.TryParse(limit, out limitValue) || limitValue < 1 || limitValue > MaxLimit))
            return Problems.Invalid("limit", $"'limit' must be between 1 and {MaxLimit}; got '{limit}'.");
        var events = await reader.ReadAsync(afterValue, limitValue, cancellationToken);
        var head = await reader.HeadAsync(cancellationToken);
        var next = events.Count > 0 ? events[^1].Position : afterValue;
        return Results.Ok(new EventPage(events, next, head));
    }
}
