namespace Lsb.Hub.Simulators.Wise;

/// <summary>How to reach one simulated installation: what the hub registers and what goes into its credentials.</summary>
/// <param name="Name">The installation name (and the hub installation id it is meant for).</param>
/// <param name="Endpoint">The base address of its Wise REST API: <c>{BaseAddress}/{Name}/restapi</c>.</param>
/// <param name="AppId">APP-ID for <c>Credentials:{ref}:AppId</c>.</param>
/// <param name="AppKey">APP-KEY for <c>Credentials:{ref}:AppKey</c> (a test value).</param>
/// <param name="Libraries">Its library organisations with branches and ISILs.</param>
public sealed record WiseInstallationAccess(string Name, Uri Endpoint, string AppId, string AppKey, IReadOnlyList<WiseLibrarySpec> Libraries);
