using System.Globalization;
using Lsb.Hub.FailedMessages.Audit;

namespace Lsb.Hub.FailedMessages.Api;

/// <summary><c>GET /api/v1/admin/failed-messages/audit</c>: who did what, when (filters actor, action, operationId, from, to; paging).</summary>
public static class AuditEndpoints
{
    /// <summary>Maps the endpoint on the admin group.</summary>
    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.MapGet("/failed-messages/audit", QueryAsync).WithSummary("The audit trail of failed-message administration, newest first")
            .Produces<AuditPage>().ProducesValidationProblem();
        return admin;
    }

    private static async Task<IResult> QueryAsync(HttpRequest request, AuditTrail audit, CancellationToken cancellationToken)
    {
        var q = request.Query;
        var from = ListQuery.Time(q, "from", out var fromRefusal);
        var to = ListQuery.Time(q, "to", out var toRefusal);
        if ((fromRefusal ?? toRefusal) is { } refusal) return refusal.ToResult();
        var (_, page, pageSize, pagingRefusal) = ListQuery.Paging(q);
        if (pagingRefusal is not null) return pagingRefusal.ToResult();
        var action = q["action"].ToString() is { Length: > 0 } a ? a.ToLower(CultureInfo.InvariantCulture) : null;
        if (action is not null && !AuditAction.All.Contains(action))
            return Refusal.Invalid("action", $"'action' must be one of {string.Join(", ", AuditAction.All)}; got '{action}'.").ToResult();
        return Results.Ok(await audit.QueryAsync(new AuditQuery
        {
            Actor = q["actor"].ToString() is { Length: > 0 } actor ? actor : null,
            Action = action,
            OperationId = q["operationId"].ToString() is { Length: > 0 } op ? op : null,
            From = from,
            To = to,
            Page = page,
            PageSize = pageSize,
        }, cancellationToken));
    }
}
