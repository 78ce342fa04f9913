using System.Security.Claims;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.HoldingsSync.Batches;
using Lsb.Hub.HoldingsSync.Delivery;
using Lsb.Hub.HoldingsSync.Reconciliation;
using Lsb.Hub.HoldingsSync.Targets;
using Lsb.Hub.Infrastructure;
using Wolverine;

namespace Lsb.Hub.HoldingsSync.Api;

/// <summary>
/// <c>/api/v1/holdings-sync/libraries/{isil}</c>: a library's synchronisation status; <c>…/reconcile</c> and
/// <c>…/resync</c>; <c>…/batches</c> to cut a batch now; <c>…/batches/{id}</c> a batch with its records.
/// </summary>
public static class HoldingsSyncEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapHoldingsSyncApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/holdings-sync/libraries/{isil}").WithTags("Holdings synchronisation");
        group.MapGet("", StatusAsync).WithSummary("A library's synchronisation: target, last batch, pending changes, rejected and unmatched copies")
            .Produces<LibrarySyncStatus>().ProducesProblem(400).ProducesProblem(403);
        group.MapPost("/reconcile", (string isil, ClaimsPrincipal user, SyncAccess access, LibraryReconciler reconciler, CancellationToken ct)
                => ReconcileAsync(isil, false, user, access, reconciler, ct))
            .WithSummary("Compare the hub's holdings of the library with the catalogue's and send the repairs").Produces<ReconciliationReport>().ProducesProblem(409);
        group.MapPost("/resync", (string isil, ClaimsPrincipal user, SyncAccess access, LibraryReconciler reconciler, CancellationToken ct)
                => ReconcileAsync(isil, true, user, access, reconciler, ct))
            .WithSummary("Send every copy of the library again (and delete what the catalogue holds beyond them)").Produces<ReconciliationReport>().ProducesProblem(409);
        group.MapPost("/batches", CutAsync).WithSummary("Cut the library's pending changes into a batch now and queue it").ProducesProblem(409);
        group.MapGet("/batches/{batchId}", BatchAsync).WithSummary("A batch with its records").Produces<BatchDetail>().ProducesProblem(404);
        return app;
    }

    private static async Task<IResult> StatusAsync(string isil, ClaimsPrincipal user, SyncAccess access, LibrarySyncStatusQuery query, CancellationToken cancellationToken)
    {
        if (!Isil.TryParse(isil, out var parsed, out var error)) return Problems.Invalid("isil", $"'{isil}' is not an ISIL: {error}");
        if (!await access.MayReadAsync(user, parsed, cancellationToken))
            return Problems.Forbidden($"This key may not see library {parsed.Value}: use an admin key, the library's own key or its POI's key.");
        return Results.Ok(await query.StatusAsync(parsed.Value, cancellationToken));
    }

    private static async Task<IResult> ReconcileAsync(string isil, bool full, ClaimsPrincipal user, SyncAccess access, LibraryReconciler reconciler,
        CancellationToken cancellationToken)
    {
        if (!Isil.TryParse(isil, out var parsed, out var error)) return Problems.Invalid("isil", $"'{isil}' is not an ISIL: {error}");
        if (!await access.MayActAsync(user, parsed, cancellationToken))
            return Problems.Forbidden($"Only an admin key or the key of the POI running library {parsed.Value} may reconcile it.");
        try
        {
            return Results.Ok(await reconciler.ReconcileAsync(parsed.Value, full, cancellationToken));
        }
        catch (ReconciliationRefusedException e)
        {
            return Problems.Conflict(e.Message);
        }
        catch (LibraryBusyException e)
        {
            return Problems.Conflict(e.Message);
        }
        catch (HoldingsDeliveryRefusedException e)
        {
            return Problems.Conflict($"The catalogue refused to list library {parsed.Value}'s holdings: {e.Message}");
        }
    }

    private static async Task<IResult> CutAsync(string isil, ClaimsPrincipal user, SyncAccess access, BatchCutter cutter, HoldingsSyncTargets targets,
        Holdings.HoldingsProjection projection, IMessageBus bus, CancellationToken cancellationToken)
    {
        if (!Isil.TryParse(isil, out var parsed, out var error)) return Problems.Invalid("isil", $"'{isil}' is not an ISIL: {error}");
        if (!await access.MayActAsync(user, parsed, cancellationToken))
            return Problems.Forbidden($"Only an admin key or the key of the POI running library {parsed.Value} may cut its batches.");
        var library = targets.Resolve(parsed.Value);
        if (!library.Usable) return Problems.Conflict(library.Problem!);
        await projection.CatchUpAsync(cancellationToken);
        var batch = await cutter.CutAsync(parsed.Value, BatchKind.Manual, cancellationToken);
        if (batch is null) return Results.Ok(new { isil = parsed.Value, batch = (string?)null, detail = "Nothing to send: no copy of the library changed its catalogue record." });
        if (batch.Status != BatchStatus.Delivered)
            await bus.SendAsync(new DeliverHoldingsBatch(batch.Isil, batch.Id), new DeliveryOptions().WithHeader(HoldingsSyncHeaders.Library, batch.Isil));
        return Results.Accepted($"/api/v1/holdings-sync/libraries/{parsed.Value}/batches/{batch.Id}",
            new { isil = parsed.Value, batch = batch.Id, label = batch.Label, records = batch.Records });
    }

    private static async Task<IResult> BatchAsync(string isil, string batchId, ClaimsPrincipal user, SyncAccess access, LibrarySyncStatusQuery query,
        CancellationToken cancellationToken)
    {
        if (!Isil.TryParse(isil, out var parsed, out var error)) return Problems.Invalid("isil", $"'{isil}' is not an ISIL: {error}");
        if (!await access.MayReadAsync(user, parsed, cancellationToken))
            return Problems.Forbidden($"This key may not see library {parsed.Value}.");
        return await query.BatchAsync(parsed.Value, batchId, cancellationToken) is { } detail
            ? Results.Ok(detail)
            : Problems.NotFound($"Library {parsed.Value} has no batch {batchId}.");
    }
}
