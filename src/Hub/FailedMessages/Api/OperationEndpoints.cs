using Lsb.Hub.FailedMessages.Replay;
using Lsb.Hub.Infrastructure;

namespace Lsb.Hub.FailedMessages.Api;

/// <summary>Replay operations: <c>GET /api/v1/admin/operations</c>, <c>GET …/{id}</c> (progress) and <c>POST …/{id}/cancel</c>.</summary>
public static class OperationEndpoints
{
    /// <summary>The most operations one list returns.</summary>
    public const int ListLimit = 50;

    /// <summary>Maps the endpoints on the admin group.</summary>
    public static RouteGroupBuilder MapOperations(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.MapGet("/operations", async (OperationStore operations, CancellationToken ct) => Results.Ok(await operations.ListAsync(ListLimit, ct)))
            .WithSummary("The most recent replay operations, newest first").Produces<IReadOnlyList<ReplayOperationView>>();
        admin.MapGet("/operations/{id}", GetAsync).WithSummary("A replay operation and its progress")
            .Produces<ReplayOperationView>().ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/operations/{id}/cancel", CancelAsync).WithSummary("Stops an operation after its current batch")
            .Produces<ReplayOperationView>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status409Conflict);
        return admin;
    }

    private static async Task<IResult> GetAsync(string id, OperationStore operations, CancellationToken cancellationToken)
        => await operations.GetAsync(id, cancellationToken) is { } view
            ? Results.Ok(view)
            : Problems.NotFound($"No operation {id}: finished operations are removed with the resolved messages by retention.");

    private static async Task<IResult> CancelAsync(string id, OperationStore operations, ReplaySignal signal, CancellationToken cancellationToken)
    {
        if (!await operations.RequestCancelAsync(id, cancellationToken))
        {
            return await operations.GetAsync(id, cancellationToken) is { } finished
                ? Problems.Conflict($"Operation {id} is {finished.Status}; only a queued or running operation can be cancelled.")
                : Problems.NotFound($"No operation {id}.");
        }
        signal.Wake();
        return Results.Accepted($"/api/v1/admin/operations/{id}", await operations.GetAsync(id, cancellationToken));
    }
}
