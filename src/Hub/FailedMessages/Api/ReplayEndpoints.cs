using System.Security.Claims;
using Lsb.Hub.Auth;
using Lsb.Hub.FailedMessages.Replay;
using Lsb.Hub.Infrastructure;

namespace Lsb.Hub.FailedMessages.Api;

/// <summary>
/// Replay: <c>POST …/failed-messages/{id}/replay</c> (one message; <c>?force=true</c> past the replay limit) and
/// <c>POST …/failed-messages/replay</c> (ids, a group or a filter). Both answer 202 with the operation; follow it at
/// <c>GET /api/v1/admin/operations/{id}</c>.
/// </summary>
public static class ReplayEndpoints
{
    /// <summary>Maps the endpoints on the admin group.</summary>
    public static RouteGroupBuilder MapReplays(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.MapPost("/failed-messages/{id:guid}/replay", ReplayOneAsync).WithSummary("Replays one failed message (an operation of one)")
            .Produces<ReplayOperationView>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapPost("/failed-messages/replay", ReplayAsync).WithSummary("Replays ids, a group or a filter as an operation in throttled batches")
            .Produces<ReplayOperationView>(StatusCodes.Status202Accepted).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return admin;
    }

    private static async Task<IResult> ReplayOneAsync(Guid id, bool? force, ClaimsPrincipal user, ReplayRequests replays, CancellationToken cancellationToken)
    {
        var (operation, refusal) = await replays.ReplayOneAsync(id, user.KeyName(), force == true, cancellationToken);
        return refusal?.ToResult() ?? Results.Accepted($"/api/v1/admin/operations/{operation!.Id}", operation);
    }

    private static async Task<IResult> ReplayAsync(HttpRequest request, ClaimsPrincipal user, ReplayRequests replays, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<SelectionRequest>(request, cancellationToken);
        if (problem is not null) return problem;
        var (operation, refusal) = await replays.ReplayAsync(body!.ToSelection(), user.KeyName(), body.Force, cancellationToken);
        return refusal?.ToResult() ?? Results.Accepted($"/api/v1/admin/operations/{operation!.Id}", operation);
    }
}
