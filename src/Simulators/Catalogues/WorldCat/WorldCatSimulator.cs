using Lsb.Hub.Simulators.Catalogues.WorldCat.Http;
using Lsb.Hub.Simulators.Catalogues.WorldCat.State;
using Lsb.Hub.Simulators.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lsb.Hub.Simulators.Catalogues.WorldCat;

/// <summary>
/// Starts a simulated WorldCat Metadata API for local holdings records (Kestrel): OAuth client credentials at
/// <c>/token</c>, LHRs as MARCXML at <c>/worldcat/manage/lhrs</c>, <c>/worldcat/search/my-holdings</c>, and a rate limit
/// answered with 429 and Retry-After. See docs/holdings-sync.md.
/// </summary>
public static class WorldCatSimulator
{
    /// <summary>Starts listening on <see cref="WorldCatSimulatorOptions.Url"/>.</summary>
    public static async Task<WorldCatSimulatorHost> StartAsync(WorldCatSimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new WorldCatSimulatorOptions();
        var registry = new WorldCatRegistry(options);
        var access = new WorldCatAccess(options);
        var builder = SimulatorWebHost.CreateBuilder();
        builder.WebHost.UseUrls(options.Url);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        WorldCatEndpoints.Map(app, registry, access);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WorldCatSimulatorHost(app, new Uri(address.EndsWith('/') ? address : address + "/"), new WorldCatSimulatorControl(registry, access), options);
    }
}
