using System.Security.Claims;
using Lsb.Hub.Auth;
using Lsb.Hub.FailedMessages.Replay;
using Lsb.Hub.FailedMessages.Store;
using Lsb.Hub.Infrastructure;

namespace Lsb.Hub.FailedMessages.Api;

/// <summary>Archive, unarchive (one message or a selection) and discard by filter with confirmation.</summary>
public static class ArchiveEndpoints
{
    /// <summary>Maps the endpoints on the admin group.</summary>
    public static RouteGroupBuilder MapArchiving(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.MapPost("/failed-messages/{id:guid}/archive", (Guid id, ClaimsPrincipal user, FailedMessageActions actions, CancellationToken ct)
            => OneAsync(id, "archive", user, actions.ArchiveAsync, ct)).WithSummary("Archives one failed message").Produces<ActionResult>();
        admin.MapPost("/failed-messages/{id:guid}/unarchive", (Guid id, ClaimsPrincipal user, FailedMessageActions actions, CancellationToken ct)
            => OneAsync(id, "unarchive", user, actions.UnarchiveAsync, ct)).WithSummary("Takes one message out of the archive").Produces<ActionResult>();
        admin.MapPost("/failed-messages/archive", (HttpRequest request, ClaimsPrincipal user, FailedMessageActions actions, CancellationToken ct)
            => SelectionAsync(request, "archive", user, actions.ArchiveAsync, ct)).WithSummary("Archives ids, a group or a filter").Produces<ActionResult>().ProducesValidationProblem();
        admin.MapPost("/failed-messages/unarchive", (HttpRequest request, ClaimsPrincipal user, FailedMessageActions actions, CancellationToken ct)
            => SelectionAsync(request, "unarchive", user, actions.UnarchiveAsync, ct)).WithSummary("Takes ids, a group or a filter out of the archive").Produces<ActionResult>().ProducesValidationProblem();
        admin.MapPost("/failed-messages/discard", DiscardAsync).WithSummary("Deletes messages matching a filter for good; needs \"confirm\": \"DISCARD\"")
            .Produces<ActionResult>().ProducesValidationProblem();
        return admin;
    }

    private delegate Task<(int Affected, Refusal? Refusal)> Apply(ReplaySelection selection, string actor, CancellationToken cancellationToken);

    private static async Task<IResult> OneAsync(Guid id, string action, ClaimsPrincipal user, Apply apply, CancellationToken cancellationToken)
    {
        var (affected, refusal) = await apply(new ReplaySelection { Ids = [id] }, user.KeyName(), cancellationToken);
        if (refusal is not null) return refusal.ToResult();
        return affected == 0
            ? Problems.NotFound($"No failed message {id} that can be {(action == "archive" ? "archived (it may be archived already, being replayed, resolved or gone)" : "unarchived (it is not archived)")}.")
            : Results.Ok(new ActionResult(action, affected));
    }

    private static async Task<IResult> SelectionAsync(HttpRequest request, string action, ClaimsPrincipal user, Apply apply, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<SelectionRequest>(request, cancellationToken);
        if (problem is not null) return problem;
        var (affected, refusal) = await apply(body!.ToSelection(), user.KeyName(), cancellationToken);
        return refusal?.ToResult() ?? Results.Ok(new ActionResult(action, affected));
    }

    private static async Task<IResult> DiscardAsync(HttpRequest request, ClaimsPrincipal user, FailedMessageActions actions, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<DiscardRequest>(request, cancellationToken);
        if (problem is not null) return problem;
        var (affected, refusal) = await actions.DiscardAsync(body!.Filter ?? new FailedMessageFilter(), body.Status, body.Confirm, user.KeyName(), cancellationToken);
        return refusal?.ToResult() ?? Results.Ok(new ActionResult("discard", affected));
    }
}
