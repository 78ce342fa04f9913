using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Canonical.Installations;
using Lsb.Hub.Installations;
using Lsb.Hub.Simulators.VSmart;

namespace Lsb.Hub.Sandbox;

/// <summary>
/// The V-smart part of <c>lsb-hub sandbox</c>: the V-smart simulator in-process (installation <c>sandbox-vsmart</c>,
/// libraries NL-0852…), its credentials as configuration defaults, its registration under the sandbox POI, and the
/// lines of the banner that tell how to reach it.
/// </summary>
public static class VSmartSandbox
{
    /// <summary>Starts the simulator with a trickle of background activity.</summary>
    public static Task<VSmartSimulatorHost> StartAsync()
        => VSmartSimulator.StartAsync(new VSmartSimulatorOptions { Url = "http://127.0.0.1:0", BackgroundChangesPerSecond = 1 });

    /// <summary>Adds the installation's credentials (<c>Credentials:sandbox-vsmart:Username</c>/<c>Password</c>) to the defaults.</summary>
    public static void AddConfiguration(IDictionary<string, string?> defaults, VSmartSimulatorHost simulator)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        ArgumentNullException.ThrowIfNull(simulator);
        var access = simulator.Installation(VSmartDefaultTopology.InstallationName);
        defaults[$"Credentials:{access.Name}:Username"] = access.Username;
        defaults[$"Credentials:{access.Name}:Password"] = access.Password;
    }

    /// <summary>Registers the installation with its libraries under the sandbox POI (once per data folder).</summary>
    public static async Task RegisterAsync(InstallationStore store, VSmartSimulatorHost simulator)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(simulator);
        var access = simulator.Installation(VSmartDefaultTopology.InstallationName);
        if (await store.GetAsync(access.Name, CancellationToken.None) is not null) return;
        var descriptor = new InstallationDescriptor(InstallationId.Parse(access.Name), Vendor.VSmart, access.Endpoint, access.Name,
            [.. access.Libraries.Select(l => new LibraryRef(Isil.Parse(l.Isil), l.LibraryId, l.Name))]);
        var outcome = await store.RegisterAsync(descriptor, SandboxKeys.SandboxPoi, "Sandbox V-smart (simulated)", "sandbox", CancellationToken.None);
        if (!outcome.Created) throw new InvalidOperationException($"Could not register the sandbox V-smart installation: {outcome.Conflict}");
    }

    /// <summary>Prints where the simulator is and a command to try.</summary>
    public static void PrintUrls(VSmartSimulatorHost simulator, string hubUrl, string adminKey)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        var access = simulator.Installation(VSmartDefaultTopology.InstallationName);
        Console.WriteLine($"""
             V-smart simulator {simulator.BaseAddress}  (installation {access.Name}: OAI-PMH {access.OaiEndpoint}, NCIP {access.NcipEndpoint},
                               user {access.Username}, control API {simulator.BaseAddress}_sim/)
               curl -s -H 'X-Api-Key: {adminKey}' {hubUrl}/api/v1/installations/{access.Name}
               curl -s -u '{access.Username}:{access.Password}' '{access.OaiEndpoint}?verb=ListRecords&metadataPrefix=marcxml&set=library:DRD'

            """);
    }
}
