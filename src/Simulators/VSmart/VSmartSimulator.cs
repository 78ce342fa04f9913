using Lsb.Hub.Simulators.Common;
using Lsb.Hub.Simulators.VSmart.Http;
using Lsb.Hub.Simulators.VSmart.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lsb.Hub.Simulators.VSmart;

/// <summary>
/// Starts a simulated Infor V-smart server (Kestrel) with generated Dutch library data. Each installation is served at
/// <c>{BaseAddress}/{name}/</c> with OAI-PMH at <c>oai</c>, NCIP at <c>ncip</c> and the borrower and loan web services
/// at <c>ws/</c>; the control API at <c>{BaseAddress}/_sim</c>. See docs/vendors/vsmart.md.
/// </summary>
public static class VSmartSimulator
{
    /// <summary>Seeds the data and starts listening on <see cref="VSmartSimulatorOptions.Url"/>.</summary>
    public static async Task<VSmartSimulatorHost> StartAsync(VSmartSimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new VSmartSimulatorOptions();
        var state = new SimulatorState(options);
        var builder = SimulatorWebHost.CreateBuilder();
        builder.WebHost.UseUrls(options.Url);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(state);
        var app = builder.Build();
        app.Use(TranslateSimulatorErrors);

        var busy = state.All.ToArray();
        var turn = 0;
        var activity = new ChangeTrickle(state.Options.Time, options.BackgroundChangesPerSecond, due =>
        {
            if (busy.Length > 0) busy[turn++ % busy.Length].Generate(due, null);
        });
        var control = new VSmartSimulatorControl(state, activity);
        IReadOnlyList<VSmartInstallationAccess> installations = [];
        DialectEndpoints.Map(app.MapGroup("/{installation}").AddEndpointFilter<BasicAuthFilter>(), state);
        ControlEndpoints.Map(app.MapGroup("/_sim"), control, () => installations);

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var baseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        installations = [.. options.Installations.Select(i => new VSmartInstallationAccess(i.Name, new Uri(baseAddress, $"{i.Name}/"), i.Username, i.Password, i.Libraries))];
        return new VSmartSimulatorHost(app, activity, baseAddress, control, installations);
    }

    private static async Task TranslateSimulatorErrors(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (VSmartSimulatorException e) when (!context.Response.HasStarted)
        {
            await Results.Json(new { status = e.Status, code = e.Code, message = e.Message }, statusCode: e.Status).ExecuteAsync(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
        {
            // A simulator bug: say what it was, so the test that met it shows the cause instead of a bare 500.
            await Results.Text($"The V-smart simulator failed: {e}", "text/plain", statusCode: 500).ExecuteAsync(context);
        }
    }
}
