namespace Lsb.Hub.Simulators.VSmart;

/// <summary>How to reach one simulated installation: what the hub registers and what goes into its credentials.</summary>
/// <param name="Name">The installation name (and the hub installation id it is meant for).</param>
/// <param name="Endpoint">The installation's base address, <c>{BaseAddress}/{Name}/</c>; the OAI-PMH, NCIP and borrower
/// services are at the fixed sub-paths <c>oai</c>, <c>ncip</c> and <c>ws/</c>.</param>
/// <param name="Username">For <c>Credentials:{ref}:Username</c>.</param>
/// <param name="Password">For <c>Credentials:{ref}:Password</c> (a test value).</param>
/// <param name="Libraries">Its libraries with branches and ISILs.</param>
public sealed record VSmartInstallationAccess(string Name, Uri Endpoint, string Username, string Password, IReadOnlyList<VSmartLibrarySpec> Libraries)
{
    /// <summary>The OAI-PMH base URL.</summary>
    public Uri OaiEndpoint => new(Endpoint, "oai");

    /// <summary>The NCIP endpoint (HTTP POST).</summary>
    public Uri NcipEndpoint => new(Endpoint, "ncip");
}
