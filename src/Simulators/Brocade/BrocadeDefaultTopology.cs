namespace Lsb.Hub.Simulators.Brocade;

/// <summary>
/// The installation the simulator serves when none is configured: <c>sandbox-brocade</c>, two fictitious libraries
/// with five branches (ISILs NL-0853…). <c>mappings/brocade/branches.csv</c> ships the matching rows.
/// </summary>
public static class BrocadeDefaultTopology
{
    /// <summary>The default installation's name (and hub installation id).</summary>
    public const string InstallationName = "sandbox-brocade";

    /// <summary>The default SIP2 user: a published test value.</summary>
    public const string SipUser = "lsbhub";

    /// <summary>The default SIP2 password: a published test value, never a real one.</summary>
    public const string SipPassword = "sandbox-brocade-sip-not-a-secret";

    /// <summary>The default installation.</summary>
    public static BrocadeInstallationSpec Installation { get; } = new(InstallationName, SipUser, SipPassword,
    [
        new BrocadeLibrarySpec("DRB", "Bibliotheek Duinrand", "NL-0853010000",
        [
            new BrocadeBranchSpec("DRB01", "Duinrand Centrale", "NL-0853010000"),
            new BrocadeBranchSpec("DRB02", "Duinrand Strandwijk", "NL-0853010001"),
        ]),
        new BrocadeLibrarySpec("RLO", "Bibliotheek Rivierenland Oost", "NL-0853020000",
        [
            new BrocadeBranchSpec("RLO01", "Rivierenland Oost Hoofdvestiging", "NL-0853020000"),
            new BrocadeBranchSpec("RLO02", "Rivierenland Oost Uiterwaard", "NL-0853020001"),
            new BrocadeBranchSpec("RLO03", "Rivierenland Oost Dijkzicht", "NL-0853020002"),
        ]),
    ]);
}
