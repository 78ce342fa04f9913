using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Lsb.Hub.Simulators.Wise.Http;

/// <summary>The control API under <c>/_sim</c>: the <see cref="WiseSimulatorControl"/> operations over HTTP (JSON,
/// camelCase), for the sandbox and for tests in other processes. No WISE_KEY: it is not part of the Wise dialect.</summary>
internal static class ControlEndpoints
{
    public static void Map(RouteGroupBuilder sim, WiseSimulatorControl control, Func<IReadOnlyList<WiseInstallationAccess>> installations)
    {
        sim.MapGet("/installations", () => Results.Ok(installations()));
        sim.MapGet("/{installation}/wise-key", (string installation) =>
        {
            var access = installations().FirstOrDefault(i => i.Name == installation);
            return access is null
                ? Results.NotFound()
                : Results.Text(WiseKey.Compute(access.AppId, access.AppKey, DateTimeOffset.UtcNow));
        });
        sim.MapGet("/{installation}/stats", (string installation) => Results.Ok(control.Statistics(installation)));

        sim.MapGet("/{installation}/libraries/{libraryId}/patrons", (string installation, string libraryId, int? offset, int? limit)
            => Results.Ok(control.ListPatrons(installation, libraryId, offset ?? 0, Math.Clamp(limit ?? 20, 0, 1000))));
        sim.MapGet("/{installation}/personal-data", (string installation) => Results.Ok(control.PersonalData(installation)));
        sim.MapPost("/{installation}/libraries/{libraryId}/patrons",
            (string installation, string libraryId, [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] PatronDraft? draft)
                => Results.Json(control.AddPatron(installation, libraryId, draft), statusCode: 201));
        sim.MapGet("/{installation}/patrons/{patronSystemId}", (string installation, string patronSystemId)
            => control.FindPatron(installation, patronSystemId) is { } p ? Results.Ok(p) : Results.NotFound());
        sim.MapPatch("/{installation}/patrons/{patronSystemId}", (string installation, string patronSystemId, PatronUpdate update)
            => Results.Ok(control.UpdatePatron(installation, patronSystemId, update)));
        sim.MapDelete("/{installation}/patrons/{patronSystemId}", (string installation, string patronSystemId) =>
        {
            control.DeletePatron(installation, patronSystemId);
            return Results.NoContent();
        });

        sim.MapPost("/{installation}/libraries/{libraryId}/items",
            (string installation, string libraryId, [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] ItemDraft? draft)
                => Results.Json(control.AddItem(installation, libraryId, draft), statusCode: 201));
        sim.MapGet("/{installation}/items/{itemId}", (string installation, string itemId)
            => control.FindItem(installation, itemId) is { } i ? Results.Ok(i) : Results.NotFound());
        sim.MapDelete("/{installation}/items/{itemId}", (string installation, string itemId) => Results.Ok(control.WithdrawItem(installation, itemId)));
        sim.MapPost("/{installation}/items/{itemId}/checkout", (string installation, string itemId, ControlRequests.CheckOut body)
            => Results.Ok(control.CheckOut(installation, itemId, body.PatronSystemId)));
        sim.MapPost("/{installation}/items/{itemId}/return", (string installation, string itemId) => Results.Ok(control.Return(installation, itemId)));
        sim.MapPost("/{installation}/libraries/{libraryId}/desk-checkin", (string installation, string libraryId, ControlRequests.DeskCheckIn body)
            => Results.Ok(control.TakeInAtDesk(installation, libraryId, body.Barcode)));

        sim.MapPost("/{installation}/generate", (string installation, int? count, string? libraryId)
            => count is null or < 0 or > 5_000_000
                ? Results.BadRequest(new { error = "Give count=N with 0 <= N <= 5000000, e.g. /_sim/sandbox-wise/generate?count=200000." })
                : Results.Ok(control.Generate(installation, count.Value, libraryId)));

        sim.MapPut("/{installation}/emit/loan-status", (string installation, ControlRequests.LoanStatus body) =>
        {
            control.EmitLoanStatus(installation, body.Code);
            return Results.Ok(control.Statistics(installation));
        });
        sim.MapDelete("/{installation}/emit/loan-status", (string installation) =>
        {
            control.EmitLoanStatus(installation, null);
            return Results.Ok(control.Statistics(installation));
        });

        sim.MapGet("/activity", () => Results.Ok(new ControlRequests.Activity(control.BackgroundChangesPerSecond)));
        sim.MapPut("/activity", (ControlRequests.Activity body) =>
        {
            if (body.ChangesPerSecond is < 0 or > 10_000) return Results.BadRequest(new { error = "changesPerSecond must be between 0 and 10000." });
            control.BackgroundChangesPerSecond = body.ChangesPerSecond;
            return Results.Ok(body);
        });
    }
}
