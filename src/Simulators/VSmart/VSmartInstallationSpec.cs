namespace Lsb.Hub.Simulators.VSmart;

/// <summary>One simulated V-smart installation, served under <c>{BaseAddress}/{Name}/</c>.</summary>
/// <param name="Name">The installation name (a URL path segment, not starting with '_').</param>
/// <param name="Username">User name the hub authenticates with (HTTP Basic, every endpoint).</param>
/// <param name="Password">Password (a test value, never a real secret).</param>
/// <param name="Libraries">The libraries it serves.</param>
public sealed record VSmartInstallationSpec(string Name, string Username, string Password, IReadOnlyList<VSmartLibrarySpec> Libraries);
