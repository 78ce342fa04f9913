using Lsb.Hub.FailedMessages.Store;
using Lsb.Hub.Infrastructure;

namespace Lsb.Hub.FailedMessages.Api;

/// <summary>
/// Reading the failed-message store: <c>GET /api/v1/admin/failed-messages</c> (filters, paging, total count),
/// <c>GET …/groups</c> and <c>GET …/{id}</c>.
/// </summary>
public static class FailedMessageEndpoints
{
    /// <summary>Maps the endpoints on the admin group.</summary>
    public static RouteGroupBuilder MapFailedMessageReads(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.MapGet("/failed-messages", ListAsync).WithSummary("Failed messages matching the filters, a page at a time, with the total count")
            .Produces<FailedMessagePage>().ProducesValidationProblem();
        admin.MapGet("/failed-messages/groups", GroupsAsync).WithSummary("Failed messages grouped by exception type, message type and installation")
            .Produces<IReadOnlyList<FailedMessageGroup>>().ProducesValidationProblem();
        admin.MapGet("/failed-messages/{id:guid}", GetAsync).WithSummary("One failed message: body, headers, stack trace, attempts and replays")
            .Produces<FailedMessageDetail>().ProducesProblem(StatusCodes.Status404NotFound);
        return admin;
    }

    private static async Task<IResult> ListAsync(HttpRequest request, FailedMessageStore store, CancellationToken cancellationToken)
    {
        var (filter, refusal) = ListQuery.Filter(request.Query);
        if (refusal is not null) return refusal.ToResult();
        var (status, page, pageSize, pagingRefusal) = ListQuery.Paging(request.Query);
        if (pagingRefusal is not null) return pagingRefusal.ToResult();
        return Results.Ok(await store.QueryAsync(filter, status, page, pageSize, cancellationToken));
    }

    private static async Task<IResult> GroupsAsync(HttpRequest request, FailedMessageStore store, CancellationToken cancellationToken)
    {
        var (filter, refusal) = ListQuery.Filter(request.Query);
        if (refusal is not null) return refusal.ToResult();
        return Results.Ok(await store.GroupsAsync(filter, cancellationToken));
    }

    private static async Task<IResult> GetAsync(Guid id, FailedMessageStore store, CancellationToken cancellationToken)
    {
        var detail = await store.GetAsync(id, cancellationToken);
        return detail is null
            ? Problems.NotFound($"No failed message {id}: it may have been discarded or removed by retention.")
            : Results.Ok(detail);
    }
}
