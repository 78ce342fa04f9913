namespace Lsb.Hub.Simulators.Brocade;

/// <summary>How to reach the simulated installation: what the hub registers and what goes into its credentials.</summary>
/// <param name="Name">The installation name (and the hub installation id it is meant for).</param>
/// <param name="Endpoint">What the hub registers: <c>tcp://host:port/?exports={escaped export folder}</c>.</param>
/// <param name="SipHost">The SIP2 server's address.</param>
/// <param name="SipPort">The SIP2 server's port.</param>
/// <param name="ExportFolder">Where the exports are written.</param>
/// <param name="SipUser">For <c>Credentials:{ref}:SipUser</c>.</param>
/// <param name="SipPassword">For <c>Credentials:{ref}:SipPassword</c> (a test value).</param>
/// <param name="ExportKey">For <c>Credentials:{ref}:ExportKey</c> when markers are signed; else null.</param>
/// <param name="Libraries">Its libraries with branches and ISILs.</param>
public sealed record BrocadeInstallationAccess(string Name, Uri Endpoint, string SipHost, int SipPort, string ExportFolder, string SipUser, string SipPassword,
    string? ExportKey, IReadOnlyList<BrocadeLibrarySpec> Libraries)
{
    /// <summary>The registration endpoint for an export folder and SIP2 address.</summary>
    public static Uri EndpointFor(string host, int port, string exportFolder)
        => new($"tcp://{host}:{port}/?exports={Uri.EscapeDataString(exportFolder)}");
}
