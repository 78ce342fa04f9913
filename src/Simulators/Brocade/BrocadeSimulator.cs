using Lsb.Hub.Simulators.Common;
using Lsb.Hub.Simulators.Brocade.Control;
using Lsb.Hub.Simulators.Brocade.Exports;
using Lsb.Hub.Simulators.Brocade.Sip2;
using Lsb.Hub.Simulators.Brocade.State;

namespace Lsb.Hub.Simulators.Brocade;

/// <summary>
/// Starts a simulated Brocade installation: a SIP2 server on a TCP port and batch exports written to a folder
/// (docs/vendors/brocade.md). The first full export is written at start, so a reader finds the seeded collection.
/// </summary>
public static class BrocadeSimulator
{
    /// <summary>Seeds the data, writes the first full export and starts listening.</summary>
    public static Task<BrocadeSimulatorHost> StartAsync(BrocadeSimulatorOptions? options = null)
    {
        options ??= new BrocadeSimulatorOptions();
        var folder = options.ExportFolder ?? Path.Combine(Path.GetTempPath(), "lsb-brocade-exports", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var state = new InstallationState(options);
        var exports = new ExportWriter(state, options, folder);
        exports.Write(ExportKind.Full, ExportWriteMode.Safe);
        if (options.ExportAfterEveryChange) state.Changed += () => exports.Write(ExportKind.Delta, ExportWriteMode.Safe);
        var server = new Sip2Server(options.Host, options.Port, state, new Sip2Faults());
        var activity = new ChangeTrickle(options.Time, options.BackgroundChangesPerSecond, state.Generate, ExportSchedule.For(exports, options));
        var control = new BrocadeSimulatorControl(state, exports, activity, server, options, folder);
        var spec = options.Installation;
        var port = server.EndPoint.Port;
        var access = new BrocadeInstallationAccess(spec.Name, BrocadeInstallationAccess.EndpointFor(options.Host, port, folder), options.Host, port, folder,
            spec.SipUser, spec.SipPassword, options.ExportKey, spec.Libraries);
        return Task.FromResult(new BrocadeSimulatorHost(server, activity, control, access));
    }
}
