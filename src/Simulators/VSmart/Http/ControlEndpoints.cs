using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;

namespace Lsb.Hub.Simulators.VSmart.Http;

/// <summary>The control API under <c>/_sim</c>: the <see cref="VSmartSimulatorControl"/> operations over HTTP (JSON,
/// camelCase), for the sandbox and for tests in other processes. No authentication: it is not part of the dialect.</summary>
internal static class ControlEndpoints
{
    public static void Map(RouteGroupBuilder sim, VSmartSimulatorControl control, Func<IReadOnlyList<VSmartInstallationAccess>> installations)
    {
        sim.MapGet("/installations", () => Results.Ok(installations()));
        sim.MapGet("/{installation}/stats", (string installation) => Results.Ok(control.Statistics(installation)));

        sim.MapGet("/{installation}/libraries/{libraryId}/borrowers", (string installation, string libraryId, int? offset, int? limit)
            => Results.Ok(control.ListBorrowers(installation, libraryId, offset ?? 0, Math.Clamp(limit ?? 20, 0, 1000))));
        sim.MapPost("/{installation}/libraries/{libraryId}/borrowers",
            (string installation, string libraryId, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] BorrowerDraft? draft)
                => Results.Json(control.AddBorrower(installation, libraryId, draft), statusCode: 201));
        sim.MapGet("/{installation}/borrowers/{borrowerId}", (string installation, string borrowerId)
            => control.FindBorrower(installation, borrowerId) is { } b ? Results.Ok(b) : Results.NotFound());
        sim.MapPatch("/{installation}/borrowers/{borrowerId}", (string installation, string borrowerId, BorrowerUpdate update)
            => Results.Ok(control.UpdateBorrower(installation, borrowerId, update)));
        sim.MapDelete("/{installation}/borrowers/{borrowerId}", (string installation, string borrowerId) =>
        {
            control.DeleteBorrower(installation, borrowerId);
            return Results.NoContent();
        });

        sim.MapPost("/{installation}/libraries/{libraryId}/copies",
            (string installation, string libraryId, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] CopyDraft? draft)
                => Results.Json(control.AddCopy(installation, libraryId, draft), statusCode: 201));
        sim.MapGet("/{installation}/copies/{itemId}", (string installation, string itemId)
            => control.FindCopy(installation, itemId) is { } c ? Results.Ok(c) : Results.NotFound());
        sim.MapDelete("/{installation}/copies/{itemId}", (string installation, string itemId) => Results.Ok(control.WithdrawCopy(installation, itemId)));
        sim.MapPut("/{installation}/copies/{itemId}/status", (string installation, string itemId, ControlRequests.CopyStatus body)
            => Results.Ok(control.SetCopyStatus(installation, itemId, body.Status)));
        sim.MapPost("/{installation}/copies/{itemId}/checkout", (string installation, string itemId, ControlRequests.CheckOut body)
            => Results.Ok(control.CheckOut(installation, itemId, body.BorrowerId, body.GuestCardNumber)));
        sim.MapPost("/{installation}/copies/{itemId}/return", (string installation, string itemId) => Results.Ok(control.Return(installation, itemId)));
        sim.MapPost("/{installation}/libraries/{libraryId}/desk-checkin", (string installation, string libraryId, ControlRequests.DeskCheckIn body)
            => Results.Ok(control.TakeInAtDesk(installation, libraryId, body.Barcode)));
        sim.MapPost("/{installation}/titles", (string installation, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] ControlRequests.NewTitle? body)
            => Results.Json(new { titleNumber = control.AddTitle(installation, body?.Title) }, statusCode: 201));
        sim.MapDelete("/{installation}/titles/{titleNumber}", (string installation, string titleNumber) =>
        {
            control.DeleteTitle(installation, titleNumber);
            return Results.NoContent();
        });

        sim.MapPost("/{installation}/generate", (string installation, int? count, string? libraryId)
            => count is null or < 0 or > 5_000_000
                ? Results.BadRequest(new { error = "Give count=N with 0 <= N <= 5000000, e.g. /_sim/sandbox-vsmart/generate?count=10000." })
                : Results.Ok(control.Generate(installation, count.Value, libraryId)));
        sim.MapPost("/{installation}/generate-records", (string installation, int? count, string? libraryId, int? maxCopies)
            => count is null or < 0 or > 5_000_000 || maxCopies is < 1 or > 50
                ? Results.BadRequest(new { error = "Give count=N (0..5000000) and optionally maxCopies=1..50, e.g. /_sim/sandbox-vsmart/generate-records?count=100000." })
                : Results.Ok(control.GenerateRecords(installation, count.Value, libraryId, maxCopies ?? 2)));

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
