using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Canonical.Installations;
using Lsb.Hub.Installations;
using Lsb.Hub.Simulators.Brocade;

namespace Lsb.Hub.Sandbox;

/// <summary>
/// The sandbox's Brocade installation: the simulator in-process (SIP2 on a free loopback port, exports in
/// <c>.sandbox/brocade/exports</c>: a delta every 10 s, a full export every 5 minutes, a trickle of changes), its
/// credentials in configuration, its registration (<c>sandbox-brocade</c>, POI <c>sandbox-poi</c>, ISILs NL-0853…).
/// </summary>
public static class BrocadeSandbox
{
    /// <summary>Starts the simulator; exports start fresh unless <paramref name="keepData"/>.</summary>
    public static Task<BrocadeSimulatorHost> StartAsync(string sandboxFolder, bool keepData)
    {
        var exports = Path.Combine(sandboxFolder, "brocade", "exports");
        if (!keepData && Directory.Exists(exports)) Directory.Delete(exports, recursive: true);
        return BrocadeSimulator.StartAsync(new BrocadeSimulatorOptions
        {
            ExportFolder = exports,
            DeltaExportInterval = TimeSpan.FromSeconds(10),
            FullExportInterval = TimeSpan.FromMinutes(5),
            BackgroundChangesPerSecond = 1,
        });
    }

    /// <summary>Configuration for the hub: the SIP2 credentials and the adapter's state folder (under the sandbox's data).</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Configuration(BrocadeSimulatorHost brocade, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(brocade);
        var access = brocade.Installation;
        yield return new($"Credentials:{access.Name}:SipUser", access.SipUser);
        yield return new($"Credentials:{access.Name}:SipPassword", access.SipPassword);
        yield return new("Adapters:Brocade:StateDirectory", Path.Combine(dataDirectory, "brocade"));
    }

    /// <summary>Registers the installation unless it is already there.</summary>
    public static async Task RegisterAsync(InstallationStore store, BrocadeSimulatorHost brocade)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(brocade);
        var access = brocade.Installation;
        if (await store.GetAsync(access.Name, CancellationToken.None) is not null) return;
        var descriptor = new InstallationDescriptor(InstallationId.Parse(access.Name), Vendor.Brocade, access.Endpoint, access.Name,
            [.. access.Libraries.Select(l => new LibraryRef(Isil.Parse(l.Isil), l.LibraryCode, l.Name))]);
        var outcome = await store.RegisterAsync(descriptor, SandboxKeys.SandboxPoi, "Sandbox Brocade (simulated)", "sandbox", CancellationToken.None);
        if (!outcome.Created) throw new InvalidOperationException($"Could not register the sandbox Brocade installation: {outcome.Conflict}");
    }

    /// <summary>The banner line.</summary>
    public static string Describe(BrocadeSimulatorHost brocade)
    {
        ArgumentNullException.ThrowIfNull(brocade);
        var access = brocade.Installation;
        return $" Brocade sim     SIP2 tcp://{access.SipHost}:{access.SipPort}, exports {access.ExportFolder}  (installation {access.Name})";
    }
}
