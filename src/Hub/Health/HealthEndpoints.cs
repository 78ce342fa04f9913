using Dapper;
using Lsb.Hub.Installations;
using Lsb.Hub.Storage;
using Wolverine;

namespace Lsb.Hub.Health;

/// <summary>
/// <c>/health/live</c> (the process answers) and <c>/health/ready</c> (database reachable, bus running, and each
/// installation's polling state). The only endpoints without an API key; they reveal no member data.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health/live", () => Results.Ok(new { status = "Healthy" })).AllowAnonymous().WithTags("Health");
        app.MapGet("/health/ready", ReadyAsync).AllowAnonymous().WithTags("Health");
        return app;
    }

    private static async Task<IResult> ReadyAsync(HubDatabase database, InstallationStore installations, Ingest.IngestCursorStore cursors,
        IServiceProvider services, CancellationToken cancellationToken)
    {
        var checks = new Dictionary<string, object>();
        var ready = true;
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT last_position FROM event_log_head WHERE id = 1", cancellationToken: cancellationToken));
            checks["database"] = new { status = "Healthy", provider = database.Provider.ToString() };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            ready = false;
            checks["database"] = new { status = "Unhealthy", error = e.Message };
        }

        var bus = services.GetService<IMessageBus>() is not null;
        checks["bus"] = new { status = bus ? "Healthy" : "Unhealthy" };
        ready &= bus;

        var perInstallation = new List<object>();
        if (ready)
        {
            foreach (var installation in await installations.ListAsync(cancellationToken))
            {
                var state = await cursors.GetAsync(installation.Id, cancellationToken);
                var status = state is null ? "NotPolledYet" : state.ConsecutiveFailures > 0 ? "Degraded" : "Healthy";
                perInstallation.Add(new
                {
                    id = installation.Id, vendor = installation.Descriptor.Vendor.ToString(), status,
                    lastSuccessfulPollAt = state?.LastSuccessAt, consecutiveFailures = state?.ConsecutiveFailures ?? 0, lastError = state?.LastError,
                });
            }
        }
        checks["installations"] = perInstallation;
        var body = new { status = ready ? "Healthy" : "Unhealthy", checks };
        return ready ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
