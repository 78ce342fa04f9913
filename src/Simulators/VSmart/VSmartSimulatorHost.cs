using Lsb.Hub.Simulators.Common;
using Microsoft.AspNetCore.Builder;

namespace Lsb.Hub.Simulators.VSmart;

/// <summary>A running V-smart simulator. Dispose it to stop the server.</summary>
public sealed class VSmartSimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ChangeTrickle _activity;

    internal VSmartSimulatorHost(WebApplication app, ChangeTrickle activity, Uri baseAddress, VSmartSimulatorControl control,
        IReadOnlyList<VSmartInstallationAccess> installations)
    {
        _app = app;
        _activity = activity;
        BaseAddress = baseAddress;
        Control = control;
        Installations = installations;
    }

    /// <summary>The address the server listens on, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The installations served, with their endpoints, user names and passwords.</summary>
    public IReadOnlyList<VSmartInstallationAccess> Installations { get; }

    /// <summary>The control operations (the same as <c>/_sim/</c> over HTTP).</summary>
    public VSmartSimulatorControl Control { get; }

    /// <summary>The installation named <paramref name="name"/>.</summary>
    public VSmartInstallationAccess Installation(string name)
        => Installations.FirstOrDefault(i => i.Name == name)
            ?? throw new VSmartSimulatorException(404, "INSTALLATION_NOT_FOUND", $"The simulator serves no installation '{name}'.");

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _activity.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
