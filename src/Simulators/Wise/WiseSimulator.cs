using Lsb.Hub.Simulators.Common;
using Lsb.Hub.Simulators.Wise.Dialect;
using Lsb.Hub.Simulators.Wise.Http;
using Lsb.Hub.Simulators.Wise.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lsb.Hub.Simulators.Wise;

/// <summary>
/// Starts a simulated OCLC Wise REST/JSON server (Kestrel) with generated Dutch library data. Each installation is
/// served at <c>{BaseAddress}/{name}/restapi</c>; the control API at <c>{BaseAddress}/_sim</c>. See docs/vendors/wise.md.
/// </summary>
public static class WiseSimulator
{
    /// <summary>Seeds the data and starts listening on <see cref="WiseSimulatorOptions.Url"/>.</summary>
    public static async Task<WiseSimulatorHost> StartAsync(WiseSimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new WiseSimulatorOptions();
        var state = new SimulatorState(options);
        var builder = SimulatorWebHost.CreateBuilder();
        builder.WebHost.UseUrls(options.Url);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(state);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, WiseSimJsonContext.Default));
        var app = builder.Build();
        app.Use(TranslateSimulatorErrors);

        var busy = state.All.ToArray();
        var turn = 0;
        var activity = new ChangeTrickle(state.Options.Time, options.BackgroundChangesPerSecond, due =>
        {
            if (busy.Length > 0) busy[turn++ % busy.Length].Generate(due, null);
        });
        var control = new WiseSimulatorControl(state, activity);
        IReadOnlyList<WiseInstallationAccess> installations = [];
        var wise = app.MapGroup("/{installation}/restapi").AddEndpointFilter<WiseKeyFilter>();
        PatronEndpoints.Map(wise);
        FeedEndpoints.Map(wise);
        CirculationEndpoints.Map(wise);
        ControlEndpoints.Map(app.MapGroup("/_sim"), control, () => installations);

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var baseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        installations = [.. options.Installations.Select(i => new WiseInstallationAccess(i.Name, new Uri(baseAddress, $"{i.Name}/restapi"), i.AppId, i.AppKey, i.Libraries))];
        return new WiseSimulatorHost(app, activity, baseAddress, control, installations);
    }

    private static async Task TranslateSimulatorErrors(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (WiseSimulatorException e) when (!context.Response.HasStarted)
        {
            await WiseResponses.Error(e.Status, e.Code, e.Message).ExecuteAsync(context);
        }
    }
}
