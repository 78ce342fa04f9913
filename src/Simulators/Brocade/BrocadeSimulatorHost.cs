using Lsb.Hub.Simulators.Common;
using Lsb.Hub.Simulators.Brocade.Sip2;

namespace Lsb.Hub.Simulators.Brocade;

/// <summary>A running Brocade simulator. Dispose it to stop the SIP2 server and the export schedule.</summary>
public sealed class BrocadeSimulatorHost : IAsyncDisposable
{
    private readonly Sip2Server _server;
    private readonly ChangeTrickle _activity;

    internal BrocadeSimulatorHost(Sip2Server server, ChangeTrickle activity, BrocadeSimulatorControl control, BrocadeInstallationAccess installation)
    {
        _server = server;
        _activity = activity;
        Control = control;
        Installation = installation;
    }

    /// <summary>How to reach the installation (endpoint, export folder, SIP2 login).</summary>
    public BrocadeInstallationAccess Installation { get; }

    /// <summary>The control operations.</summary>
    public BrocadeSimulatorControl Control { get; }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _activity.DisposeAsync();
        await _server.DisposeAsync();
    }
}
