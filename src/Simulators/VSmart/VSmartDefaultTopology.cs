namespace Lsb.Hub.Simulators.VSmart;

/// <summary>
/// The installation the simulator serves when none is configured: <c>sandbox-vsmart</c>, three fictitious libraries
/// with six branches, ISILs <c>NL-0852…</c>. <c>mappings/vsmart/branches.csv</c> ships the matching branch → ISIL rows.
/// </summary>
public static class VSmartDefaultTopology
{
    /// <summary>The default installation's name (and hub installation id).</summary>
    public const string InstallationName = "sandbox-vsmart";

    /// <summary>The default user name.</summary>
    public const string Username = "lsb-hub";

    /// <summary>The default password: a published test value, never a real secret.</summary>
    public const string Password = "sandbox-vsmart-password-not-a-secret";

    /// <summary>The default installation.</summary>
    public static VSmartInstallationSpec Installation { get; } = new(InstallationName, Username, Password,
    [
        new VSmartLibrarySpec("DRD", "Bibliotheek Duinrand", "NL-0852010000",
        [
            new VSmartBranchSpec("DRD01", "Duinrand Centrale", "NL-0852010000"),
            new VSmartBranchSpec("DRD02", "Duinrand Strandwijk", "NL-0852010001"),
        ]),
        new VSmartLibrarySpec("RVZ", "Bibliotheek Rivierenzand", "NL-0852020000",
        [
            new VSmartBranchSpec("RVZ01", "Rivierenzand Hoofdvestiging", "NL-0852020000"),
            new VSmartBranchSpec("RVZ02", "Rivierenzand Uiterwaard", "NL-0852020001"),
        ]),
        new VSmartLibrarySpec("VNH", "Bibliotheek Veenhoven", "NL-0852030000",
        [
            new VSmartBranchSpec("VNH01", "Veenhoven Centrum", "NL-0852030000"),
            new VSmartBranchSpec("VNH02", "Veenhoven De Turfkade", "NL-0852030001"),
        ]),
    ]);
}
