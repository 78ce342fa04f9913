using System.Security.Claims;
using Lsb.Hub.Auth;
using Lsb.Hub.Canonical.Events;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Ibl.Model;
using Lsb.Hub.Ibl.Privacy;
using Lsb.Hub.Ibl.Process;
using Lsb.Hub.Ibl.Storage;
using Lsb.Hub.Infrastructure;

namespace Lsb.Hub.Ibl.Api;

/// <summary>
/// The interlibrary-loan API: place a request, read it, act on it, and a library's worklist (docs/ibl.md).
/// Actions change the request at once (the answer shows the new state); the adapter commands they lead to run on the
/// bus afterwards and show up in the request's steps and history.
/// </summary>
public static class IblEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapIblApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/ibl/requests").WithTags("Interlibrary loan");
        group.MapPost("", PlaceAsync).WithSummary("Place an interlibrary-loan request for a member").Produces<IblRequestView>(201).ProducesValidationProblem().ProducesProblem(403);
        group.MapGet("{id}", GetAsync).WithSummary("A request: state, current lender, rota, steps, history").Produces<IblRequestView>().ProducesProblem(404);
        group.MapPost("{id}/actions", ActAsync).WithSummary("Act on a request (Cancel, Received, ShippedReturn, Renew; WillSupply, Unfilled, Shipped, CheckedIn, …)")
            .Produces<IblRequestView>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        group.MapGet("", WorklistAsync).WithSummary("A library's worklist: requests to answer, ship, receive, return, check in").Produces<IblWorklistPage>();
        return app;
    }

    private static async Task<IResult> PlaceAsync(HttpRequest http, ClaimsPrincipal user, IblStore store, IblProcess process, IblAccess access, IblPseudonyms pseudonyms,
        IblClock clock, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<PlaceIblRequest>(http, cancellationToken);
        if (problem is not null) return problem;
        var errors = new Dictionary<string, string[]>();
        if (!Isil.TryParse(body!.RequestingIsil, out var requesting, out var isilError)) errors["requestingIsil"] = [isilError];
        else if (!requesting.IsDutch) errors["requestingIsil"] = [$"'{requesting}' is not a Dutch library: external agencies send ISO 18626 requests to /iso18626."];
        if (body.MemberId is null && string.IsNullOrWhiteSpace(body.CardNumber)) errors["memberId"] = ["Give the member: memberId (mbr-…) or cardNumber."];
        else if (body.MemberId is not null && !CanonicalId.TryParse<MemberId>(body.MemberId, out _))
            errors["memberId"] = [$"'{body.MemberId}' is not a member id: expected 'mbr-' followed by 32 hexadecimal digits."];
        if (string.IsNullOrWhiteSpace(body.Isbn) && string.IsNullOrWhiteSpace(body.Ppn) && string.IsNullOrWhiteSpace(body.OclcNumber))
            errors["isbn"] = ["Give the title by at least one of isbn, ppn or oclcNumber: lenders are found by these in the union holdings index."];
        if (errors.Count > 0) return Problems.Validation(errors);
        var libraries = await store.RegisteredLibrariesAsync(cancellationToken);
        if (!libraries.Any(l => IblLibraries.SameLibrary(l, requesting.Value)))
            return Problems.Invalid("requestingIsil", $"Library {requesting} is not served by any registered installation: register it first (POST /api/v1/installations).");
        if (!await access.MayActForAsync(user, requesting.Value, null, cancellationToken))
            return Problems.Forbidden($"This key may not place requests for {requesting}: use a key with scope library:{requesting}, its POI's key, or an admin key.");
        var member = await store.MemberAsync(body.MemberId, body.CardNumber?.Trim(), requesting.Value, cancellationToken);
        if (member is null || member.Removed)
            return Problems.Invalid(body.MemberId is null ? "cardNumber" : "memberId", "The hub knows no such member: the member must be registered in the library's system and ingested first.");
        if (!IblLibraries.SameLibrary(member.HomeIsil, requesting.Value))
            return Problems.Invalid("memberId", $"Member {member.Id} belongs to {member.HomeIsil}, not to {requesting}: the member's own library places the request.");
        var now = clock.Now;
        var request = new IblRequest
        {
            Id = IblRequestId.New().ToString(), State = IblRequestState.New, Origin = IblOrigin.Api, RequestingAgency = requesting.Value,
            MemberId = member.Id, PatronPseudonym = await pseudonyms.ForMemberAsync(member.Id, cancellationToken),
            Isbn = Trim(body.Isbn), Ppn = Trim(body.Ppn), OclcNumber = Trim(body.OclcNumber), Title = Trim(body.Title), Author = Trim(body.Author),
            PickupLocation = Trim(body.PickupLocation), CreatedAt = IblClock.Format(now), UpdatedAt = IblClock.Format(now), CreatedBy = user.KeyName(),
        };
        await process.CreateAsync(request, $"key:{user.KeyName()}", "borrower", null, cancellationToken);
        var view = await ViewAsync(store, access, user, request.Id, cancellationToken);
        return Results.Created($"/api/v1/ibl/requests/{request.Id}", view);
    }

    private static async Task<IResult> GetAsync(string id, ClaimsPrincipal user, IblStore store, IblAccess access, CancellationToken cancellationToken)
    {
        if (!CanonicalId.TryParse<IblRequestId>(id, out _)) return Problems.Invalid("id", $"'{id}' is not a request id: expected 'ibl-' followed by 32 hexadecimal digits.");
        var (c, history) = await store.LoadWithHistoryAsync(id, withHistory: true, cancellationToken);
        if (c is null) return Problems.NotFound($"No interlibrary-loan request {id} is known to the hub.");
        var roles = await access.RolesAsync(user, c, cancellationToken);
        if (roles == IblRoles.None) return Problems.Forbidden($"This key may not see request {id}: only the requesting library, its lenders, their POIs and admins may.");
        return Results.Ok(IblViews.Of(c, history, roles));
    }

    private static async Task<IResult> ActAsync(string id, HttpRequest http, ClaimsPrincipal user, IblStore store, IblProcess process, IblAccess access,
        CancellationToken cancellationToken)
    {
        if (!CanonicalId.TryParse<IblRequestId>(id, out _)) return Problems.Invalid("id", $"'{id}' is not a request id: expected 'ibl-' followed by 32 hexadecimal digits.");
        var (body, problem) = await JsonBody.ReadAsync<IblActionRequest>(http, cancellationToken);
        if (problem is not null) return problem;
        if (!Enum.TryParse<IblAction>(body!.Action, ignoreCase: false, out var action) || !Enum.IsDefined(action))
            return Problems.Invalid("action", $"'{body.Action}' is not an action: use one of {string.Join(", ", Enum.GetNames<IblAction>())}.");
        var c = await store.LoadAsync(id, cancellationToken);
        if (c is null) return Problems.NotFound($"No interlibrary-loan request {id} is known to the hub.");
        var roles = await access.RolesAsync(user, c, cancellationToken);
        if (roles == IblRoles.None) return Problems.Forbidden($"This key may not see request {id}.");
        var actor = $"key:{user.KeyName()}";
        IblInput input;
        switch (action)
        {
            case IblAction.Cancel or IblAction.Received or IblAction.ShippedReturn or IblAction.Renew:
                if ((roles & (IblRoles.Borrower | IblRoles.Admin)) == 0)
                    return Problems.Forbidden($"{action} is the borrowing library's action: use a key of {c.Request.RequestingAgency}, its POI or an admin key.");
                if (c.Request.Origin != IblOrigin.Api)
                    return Problems.Conflict($"Request {id} came from {c.Request.RequestingAgency} over ISO 18626: that agency acts on it with ISO 18626 messages.");
                input = new BorrowerActed(actor, "borrower", action switch
                {
                    IblAction.Cancel => BorrowerAction.Cancel,
                    IblAction.Received => BorrowerAction.Received,
                    IblAction.ShippedReturn => BorrowerAction.ShippedReturn,
                    _ => BorrowerAction.Renew,
                }, body.Reason);
                break;
            case IblAction.ManualStepDone:
                var step = c.Steps.FirstOrDefault(s => s.StepId == body.StepId);
                if (step is null) return Problems.Invalid("stepId", $"Give the stepId of the step done by hand; request {id} has {string.Join(", ", c.Steps.Where(s => s.Status is IblStepStatus.Manual or IblStepStatus.Failed).Select(s => s.StepId).DefaultIfEmpty("none waiting"))}.");
                if (!await access.MayActForAsync(user, step.Agency, c.Rota.FirstOrDefault(e => e.Position == step.Position)?.InstallationId, cancellationToken))
                    return Problems.Forbidden($"Step {step.StepId} is done at {step.Agency}: use a key of that library, its POI or an admin key.");
                input = new ManualStepConfirmed(actor, step.Party == IblParty.Lender ? "lender" : "borrower", step.StepId, null, body.VendorItemId);
                break;
            default:
                if ((roles & (IblRoles.Lender | IblRoles.Admin)) == 0)
                    return Problems.Forbidden($"{action} is the current lender's action" + (c.Request.LenderAgency is { } l ? $" ({l})" : "") + ": use its key, its POI's or an admin key.");
                if (c.Current is not { Channel: LenderChannel.Adapter } current)
                    return Problems.Conflict($"Request {id} has no Dutch lender to act for now" + (c.Current is { } x ? $" ({x.Agency} answers over ISO 18626)." : "."));
                input = new LenderAnswered(actor, "lender", action switch
                {
                    IblAction.ExpectToSupply => LenderAnswer.ExpectToSupply,
                    IblAction.WillSupply => LenderAnswer.WillSupply,
                    IblAction.Unfilled => LenderAnswer.Unfilled,
                    IblAction.Shipped => LenderAnswer.Shipped,
                    IblAction.Recall => LenderAnswer.Recalled,
                    _ => LenderAnswer.CheckedIn,
                }, current.Agency, body.Reason, body.Barcode, body.DueAt);
                break;
        }
        var outcome = await process.ApplyAsync(id, input, cancellationToken);
        return outcome.Kind switch
        {
            IblOutcomeKind.NotFound => Problems.NotFound(outcome.Message!),
            IblOutcomeKind.Refused => Problems.Conflict(outcome.Message!),
            _ => Results.Ok(await ViewAsync(store, access, user, id, cancellationToken)),
        };
    }

    private static async Task<IResult> WorklistAsync(string? isil, string? state, string? task, string? role, string? after, int? limit, ClaimsPrincipal user,
        IblStore store, IblAccess access, CancellationToken cancellationToken)
    {
        if (!Isil.TryParse(isil, out var library, out var error)) return Problems.Invalid("isil", $"Give the library whose worklist to show: {error}");
        if (!await access.MayActForAsync(user, library.Value, null, cancellationToken))
            return Problems.Forbidden($"This key may not see the worklist of {library}: use its key, its POI's or an admin key.");
        var states = new List<string>();
        foreach (var s in (state ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<IblRequestState>(s, out var parsed) || !Enum.IsDefined(parsed))
                return Problems.Invalid("state", $"'{s}' is not a state: use {string.Join(", ", Enum.GetNames<IblRequestState>())} (comma-separated).");
            states.Add(parsed.ToString());
        }
        if (task is not null && !IblWorklist.Tasks.Contains(task))
            return Problems.Invalid("task", $"'{task}' is not a task: use {string.Join(", ", IblWorklist.Tasks)}.");
        if (role is not null && role is not ("borrower" or "lender"))
            return Problems.Invalid("role", "role is borrower or lender (leave it out for both).");
        var take = Math.Clamp(limit ?? 100, 1, 1000);
        var (requests, manual) = await store.WorklistAsync(library.Value, role != "lender", role != "borrower", states, after, take, cancellationToken);
        var items = requests.Select(r => IblWorklist.Item(r, library.Value, manual.Contains(r.Id)))
            .Where(i => task is null || i.Tasks.Contains(task)).ToList();
        return Results.Ok(new IblWorklistPage(items, requests.Count == take ? requests[^1].Id : null));
    }

    private static async Task<IblRequestView?> ViewAsync(IblStore store, IblAccess access, ClaimsPrincipal user, string id, CancellationToken cancellationToken)
    {
        var (c, history) = await store.LoadWithHistoryAsync(id, withHistory: true, cancellationToken);
        if (c is null) return null;
        return IblViews.Of(c, history, await access.RolesAsync(user, c, cancellationToken));
    }

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
