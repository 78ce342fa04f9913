using Lsb.Hub.Simulators.Catalogues.Ggc.Http;
using Lsb.Hub.Simulators.Catalogues.Ggc.State;
using Lsb.Hub.Simulators.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lsb.Hub.Simulators.Catalogues.Ggc;

/// <summary>
/// Starts a simulated GGC holdings intake (Kestrel): daily update files of MARC 21 holdings records with a manifest,
/// applied per library, answered with an import report like OCLC's NBC import monitor. See docs/holdings-sync.md.
/// </summary>
public static class GgcSimulator
{
    /// <summary>Starts listening on <see cref="GgcSimulatorOptions.Url"/>.</summary>
    public static async Task<GgcSimulatorHost> StartAsync(GgcSimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new GgcSimulatorOptions();
        var catalogue = new GgcCatalogue(options);
        var builder = SimulatorWebHost.CreateBuilder();
        builder.WebHost.UseUrls(options.Url);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 512L * 1024 * 1024);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        GgcEndpoints.Map(app, catalogue);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new GgcSimulatorHost(app, new Uri(address.EndsWith('/') ? address : address + "/"), new GgcSimulatorControl(catalogue), options);
    }
}
