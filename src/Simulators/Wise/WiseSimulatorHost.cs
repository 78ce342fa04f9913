using Lsb.Hub.Simulators.Common;
using Microsoft.AspNetCore.Builder;

namespace Lsb.Hub.Simulators.Wise;

/// <summary>A running Wise simulator. Dispose it to stop the server.</summary>
public sealed class WiseSimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ChangeTrickle _activity;

    internal WiseSimulatorHost(WebApplication app, ChangeTrickle activity, Uri baseAddress, WiseSimulatorControl control,
        IReadOnlyList<WiseInstallationAccess> installations)
    {
        _app = app;
        _activity = activity;
        BaseAddress = baseAddress;
        Control = control;
        Installations = installations;
    }

    /// <summary>The address the server listens on, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The installations served, with their endpoints and APP-ID/APP-KEY.</summary>
    public IReadOnlyList<WiseInstallationAccess> Installations { get; }

    /// <summary>The control operations (the same as <c>/_sim/</c> over HTTP).</summary>
    public WiseSimulatorControl Control { get; }

    /// <summary>The installation named <paramref name="name"/>.</summary>
    public WiseInstallationAccess Installation(string name)
        => Installations.FirstOrDefault(i => i.Name == name)
            ?? throw new WiseSimulatorException(404, "INSTALLATION_NOT_FOUND", $"The simulator serves no installation '{name}'.");

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _activity.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
