using System.Security.Claims;
using Lsb.Hub.Auth;
using Lsb.Hub.FailedMessages.Audit;
using Lsb.Hub.FailedMessages.Comments;
using Lsb.Hub.Infrastructure;

namespace Lsb.Hub.FailedMessages.Api;

/// <summary>Comments on groups: <c>GET</c> and <c>POST …/failed-messages/groups/{key}/comments</c>.</summary>
public static class CommentEndpoints
{
    /// <summary>Maps the endpoints on the admin group.</summary>
    public static RouteGroupBuilder MapGroupComments(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.MapGet("/failed-messages/groups/{key}/comments", async (string key, GroupComments comments, CancellationToken ct)
            => Results.Ok(await comments.ListAsync(key, ct))).WithSummary("Comments on a group, oldest first").Produces<IReadOnlyList<GroupComment>>();
        admin.MapPost("/failed-messages/groups/{key}/comments", AddAsync).WithSummary("Adds a comment to a group")
            .Produces<GroupComment>(StatusCodes.Status201Created).ProducesValidationProblem();
        return admin;
    }

    private static async Task<IResult> AddAsync(string key, HttpRequest request, ClaimsPrincipal user, GroupComments comments, AuditTrail audit,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<CommentRequest>(request, cancellationToken);
        if (problem is not null) return problem;
        var text = body!.Text?.Trim();
        if (string.IsNullOrEmpty(text)) return Problems.Invalid("text", "\"text\" is empty: write the comment.");
        if (text.Length > GroupComments.MaxLength) return Problems.Invalid("text", $"\"text\" has {text.Length} characters; at most {GroupComments.MaxLength}.");
        if (key.Length > 100) return Problems.Invalid("key", "A group key has at most 100 characters: take it from GET /api/v1/admin/failed-messages/groups.");
        var comment = await comments.AddAsync(key, user.KeyName(), text, time.GetUtcNow(), cancellationToken);
        await audit.RecordAsync(user.KeyName(), AuditAction.Comment, key, 0, null, text, cancellationToken);
        return Results.Created($"/api/v1/admin/failed-messages/groups/{key}/comments", comment);
    }
}
