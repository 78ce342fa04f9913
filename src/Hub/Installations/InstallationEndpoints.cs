using System.Security.Claims;
using Lsb.Hub.Auth;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Infrastructure;

namespace Lsb.Hub.Installations;

/// <summary>The installation registry over HTTP (<c>/api/v1/installations</c>, <c>/api/v1/libraries</c>).</summary>
public static class InstallationEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapInstallations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/installations").WithTags("Installations");
        group.MapPost("", RegisterAsync)
            .WithSummary("Register an ILS installation with its libraries")
            .Accepts<RegisterInstallationRequest>("application/json")
            .Produces<InstallationView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("", ListAsync).WithSummary("List the installations this key may see").Produces<IReadOnlyList<InstallationView>>();
        group.MapGet("/{id}", GetAsync).WithSummary("One installation with its health").Produces<InstallationView>().ProducesProblem(404);
        group.MapDelete("/{id}", DeleteAsync).WithSummary("Remove an installation; its ISILs are released, canonical data stays")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(404);
        app.MapGet("/api/v1/libraries/{isil}", GetLibraryAsync).WithTags("Installations")
            .WithSummary("A library by its current or original ISIL").Produces<LibraryView>().ProducesProblem(404);
        return app;
    }

    private static async Task<IResult> RegisterAsync(HttpRequest request, ClaimsPrincipal user, InstallationStore store, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<RegisterInstallationRequest>(request, cancellationToken);
        if (problem is not null) return problem;
        var errors = InstallationValidator.Validate(body!, out var descriptor, out var owningPoi);
        if (errors.Count > 0) return Problems.Validation(errors);
        if (!user.MayManagePoi(owningPoi))
            return Problems.Forbidden($"This key may not register installations for POI '{owningPoi}': it needs scope 'admin' or 'poi:{owningPoi}'.");
        var outcome = await store.RegisterAsync(descriptor!, owningPoi, body!.DisplayName, user.KeyName(), cancellationToken);
        if (!outcome.Created) return Problems.Conflict(outcome.Conflict!);
        var created = await store.GetAsync(descriptor!.Id.Value, cancellationToken);
        return Results.Created($"/api/v1/installations/{descriptor.Id}", InstallationView.Of(created!));
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, InstallationStore store, CancellationToken cancellationToken)
    {
        var all = await store.ListAsync(cancellationToken);
        return Results.Ok(all.Where(i => user.MayManagePoi(i.OwningPoi)).Select(i => InstallationView.Of(i)).ToList());
    }

    private static async Task<IResult> GetAsync(string id, ClaimsPrincipal user, InstallationStore store, InstallationHealth health, CancellationToken cancellationToken)
    {
        var installation = await store.GetAsync(id, cancellationToken);
        if (installation is null) return Problems.NotFound($"No installation '{id}' is registered. GET /api/v1/installations lists them.");
        if (!user.MayManagePoi(installation.OwningPoi))
            return Problems.Forbidden($"Installation '{id}' belongs to POI '{installation.OwningPoi}'; this key may not see it.");
        var view = await health.DescribeAsync(installation, TimeSpan.FromSeconds(5), cancellationToken);
        return Results.Ok(InstallationView.Of(installation, view));
    }

    private static async Task<IResult> DeleteAsync(string id, ClaimsPrincipal user, InstallationStore store, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var installation = await store.GetAsync(id, cancellationToken);
        if (installation is null) return Problems.NotFound($"No installation '{id}' is registered.");
        if (!user.MayManagePoi(installation.OwningPoi))
            return Problems.Forbidden($"Installation '{id}' belongs to POI '{installation.OwningPoi}'; this key may not delete it.");
        await store.DeleteAsync(id, cancellationToken);
        loggers.CreateLogger(typeof(InstallationEndpoints)).LogInformation("Installation {InstallationId} deleted by {KeyName}", id, user.KeyName());
        return Results.NoContent();
    }

    private static async Task<IResult> GetLibraryAsync(string isil, ClaimsPrincipal user, InstallationStore store, LibraryAccess access, CancellationToken cancellationToken)
    {
        if (!Isil.TryParse(isil, out var parsed, out var error)) return Problems.Invalid("isil", error);
        var found = await store.FindLibraryAsync(parsed, cancellationToken);
        if (found is null) return Problems.NotFound($"No library with ISIL {parsed} is registered.");
        if (!await access.MaySeeAsync(user, parsed.Value, cancellationToken))
            return Problems.Forbidden($"This key may not see library {parsed}.");
        var (library, installation) = found.Value;
        var isils = await store.IsilsOfAsync(parsed, cancellationToken);
        return Results.Ok(new LibraryView(library.Isil.Value, library.VendorLibraryId, library.Name, installation.Id, installation.Descriptor.Vendor.ToString())
        {
            FormerIsils = [.. isils.Where(i => i != library.Isil.Value).Order(StringComparer.Ordinal)],
        });
    }
}
