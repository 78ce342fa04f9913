using System.Security.Claims;
using Lsb.Hub.Auth;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Infrastructure;
using Lsb.Hub.Installations;

namespace Lsb.Hub.Consolidation;

/// <summary>Re-homing a library over HTTP (<c>/api/v1/libraries/{isil}/moves</c>).</summary>
public static class MoveEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapMoves(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/libraries/{isil}/moves").WithTags("Consolidation");
        group.MapPost("", PostAsync)
            .WithSummary("Move (re-home) a library to another installation, or merge it; dryRun validates only")
            .Accepts<MoveRequest>("application/json")
            .Produces<MoveView>(StatusCodes.Status202Accepted)
            .Produces<MoveReport>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("", ListAsync).WithSummary("The moves of a library (by its current or a former ISIL)").Produces<IReadOnlyList<MoveView>>();
        group.MapGet("/{id}", GetAsync).WithSummary("One move with its progress").Produces<MoveView>().ProducesProblem(404);
        group.MapPost("/{id}/end-overlap", EndOverlapAsync)
            .WithSummary("End a move's overlap now: the source installation stops reading the library (it was switched off)")
            .Produces<MoveView>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(403);
        return app;
    }

    private static async Task<IResult> EndOverlapAsync(string isil, string id, ClaimsPrincipal user, InstallationStore installations, MoveStore moves,
        MoveSignal signal, CancellationToken cancellationToken)
    {
        if (!Isil.TryParse(isil, out var parsed, out var isilError)) return Problems.Invalid("isil", isilError);
        var move = await moves.GetAsync(id, cancellationToken);
        var isils = await installations.IsilsOfAsync(parsed, cancellationToken);
        if (move is null || !isils.Contains(move.Isil))
            return Problems.NotFound($"Library {parsed} has no move '{id}'; GET /api/v1/libraries/{parsed}/moves lists its moves.");
        if (!user.IsAdmin()) return Problems.Forbidden("Ending a move's overlap needs scope 'admin'.");
        if (!await moves.EndOverlapAsync(id, cancellationToken))
            return Problems.Conflict($"Move '{id}' is {move.Status}, not in its overlap: only a move that has cut over and not completed has an overlap to end.");
        signal.Notify();
        return Results.Ok(MoveView.Of((await moves.GetAsync(id, cancellationToken))!));
    }

    private static async Task<IResult> PostAsync(string isil, HttpRequest request, ClaimsPrincipal user, InstallationStore installations,
        MoveValidator validator, MoveStore moves, MoveSignal signal, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!Isil.TryParse(isil, out var parsed, out var isilError)) return Problems.Invalid("isil", isilError);
        var (body, problem) = await JsonBody.ReadAsync<MoveRequest>(request, cancellationToken);
        if (problem is not null) return problem;
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body!.TargetInstallation)) errors["targetInstallation"] = ["Name the installation the library moves to."];
        if (string.IsNullOrWhiteSpace(body.TargetVendorLibraryId)) errors["targetVendorLibraryId"] = ["Give the library's id in the target system."];
        if (string.IsNullOrWhiteSpace(body.MigrationMap)) errors["migrationMap"] = ["Send the migration map as CSV text with the header 'entity,old_id,new_id'."];
        if (errors.Count > 0) return Problems.Validation(errors);

        var library = await installations.FindRegisteredLibraryAsync(parsed, cancellationToken);
        if (library is null) return Problems.NotFound($"No library with ISIL {parsed} is registered (as current or former ISIL).");
        var source = await installations.GetAsync(library.InstallationId, cancellationToken);
        if (source is null) return Problems.NotFound($"Library {library.Isil}'s installation '{library.InstallationId}' is no longer registered.");
        var target = await installations.GetAsync(body.TargetInstallation!.Trim(), cancellationToken);
        if (target is null)
            return Problems.Invalid("targetInstallation", $"No installation '{body.TargetInstallation}' is registered: register it first (POST /api/v1/installations), then move the library.");
        if (!user.MayManagePoi(source.OwningPoi) || !user.MayManagePoi(target.OwningPoi))
            return Problems.Forbidden($"Moving {library.Isil} from '{source.Id}' (POI '{source.OwningPoi}') to '{target.Id}' (POI '{target.OwningPoi}') needs scope 'admin' or a POI scope that owns both installations.");

        var (report, plan) = await validator.ValidateAsync(library, source, target, body, cancellationToken);
        if (body.DryRun) return Results.Ok(report);
        if (plan is null)
            return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The move cannot run",
                detail: $"The move of {library.Isil} has {report.Problems.Count} problem(s); nothing was changed. Correct the map or the request (see 'report'; try dryRun) and send it again.",
                extensions: new Dictionary<string, object?> { ["report"] = report });
        var move = await moves.CreateAsync(plan, report, user.KeyName(), cancellationToken);
        if (move is null) return Problems.Conflict($"Library {library.Isil} started another move just now; GET /api/v1/libraries/{library.Isil}/moves shows it.");
        signal.Notify();
        loggers.CreateLogger(typeof(MoveEndpoints)).LogInformation("Move {MoveId} of library {Isil} from {Source} to {Target} accepted from {KeyName}; cut-over at {CutOverAt}",
            move.Id, move.Isil, move.SourceInstallation, move.TargetInstallation, user.KeyName(), move.CutOverAt);
        return Results.Accepted($"/api/v1/libraries/{move.Isil}/moves/{move.Id}", MoveView.Of(move));
    }

    private static async Task<IResult> ListAsync(string isil, ClaimsPrincipal user, InstallationStore installations, MoveStore moves, CancellationToken cancellationToken)
    {
        if (!Isil.TryParse(isil, out var parsed, out var isilError)) return Problems.Invalid("isil", isilError);
        var isils = await installations.IsilsOfAsync(parsed, cancellationToken);
        var all = await moves.ListAsync(isils, cancellationToken);
        if (!await MaySeeAsync(user, installations, all, cancellationToken)) return Problems.Forbidden($"This key may not see the moves of {parsed}.");
        return Results.Ok(all.Select(MoveView.Of).ToList());
    }

    private static async Task<IResult> GetAsync(string isil, string id, ClaimsPrincipal user, InstallationStore installations, MoveStore moves, CancellationToken cancellationToken)
    {
        if (!Isil.TryParse(isil, out var parsed, out var isilError)) return Problems.Invalid("isil", isilError);
        var move = await moves.GetAsync(id, cancellationToken);
        var isils = await installations.IsilsOfAsync(parsed, cancellationToken);
        if (move is null || (!isils.Contains(move.Isil) && (move.MergeIntoIsil is null || !isils.Contains(move.MergeIntoIsil))))
            return Problems.NotFound($"Library {parsed} has no move '{id}'; GET /api/v1/libraries/{parsed}/moves lists its moves.");
        if (!await MaySeeAsync(user, installations, [move], cancellationToken)) return Problems.Forbidden($"This key may not see move '{id}'.");
        return Results.Ok(MoveView.Of(move));
    }

    private static async Task<bool> MaySeeAsync(ClaimsPrincipal user, InstallationStore installations, IEnumerable<LibraryMove> moves, CancellationToken cancellationToken)
    {
        if (user.IsAdmin()) return true;
        foreach (var move in moves)
        {
            foreach (var id in new[] { move.SourceInstallation, move.TargetInstallation })
            {
                var installation = await installations.GetAsync(id, cancellationToken);
                if (installation is null || !user.MayManagePoi(installation.OwningPoi)) return false;
            }
        }
        return true;
    }
}
