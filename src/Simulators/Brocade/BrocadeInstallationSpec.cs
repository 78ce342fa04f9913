namespace Lsb.Hub.Simulators.Brocade;

/// <summary>One simulated Brocade installation.</summary>
/// <param name="Name">Its name (and the hub installation id it is meant for).</param>
/// <param name="SipUser">The SIP2 login user (CN) the hub must present.</param>
/// <param name="SipPassword">The SIP2 login password (CO).</param>
/// <param name="Libraries">Its libraries.</param>
public sealed record BrocadeInstallationSpec(string Name, string SipUser, string SipPassword, IReadOnlyList<BrocadeLibrarySpec> Libraries);
