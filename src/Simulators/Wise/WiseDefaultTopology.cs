namespace Lsb.Hub.Simulators.Wise;

/// <summary>
/// The installation the simulator serves when none is configured: <c>sandbox-wise</c>, three fictitious library
/// organisations with seven branches. <c>mappings/wise/branches.csv</c> ships the matching branch → ISIL rows.
/// </summary>
public static class WiseDefaultTopology
{
    /// <summary>The default installation's name (and hub installation id).</summary>
    public const string InstallationName = "sandbox-wise";

    /// <summary>The default APP-ID.</summary>
    public const string AppId = "LSB-HUB-SANDBOX";

    /// <summary>The default APP-KEY: a published test value, never a real key.</summary>
    public const string AppKey = "sandbox-wise-app-key-not-a-secret";

    /// <summary>The default installation.</summary>
    public static WiseInstallationSpec Installation { get; } = new(InstallationName, AppId, AppKey,
    [
        new WiseLibrarySpec("5101", "Bibliotheek Lindendal", "NL-0851010000",
        [
            new WiseBranchSpec("510100", "Lindendal Centrale", "NL-0851010000"),
            new WiseBranchSpec("510101", "Lindendal Noord", "NL-0851010001"),
            new WiseBranchSpec("510102", "Lindendal Oosterhout", "NL-0851010002"),
        ]),
        new WiseLibrarySpec("5102", "Bibliotheek De Zeven Polders", "NL-0851020000",
        [
            new WiseBranchSpec("510200", "Zeven Polders Middenmeer", "NL-0851020000"),
            new WiseBranchSpec("510201", "Zeven Polders Kreekdijk", "NL-0851020001"),
        ]),
        new WiseLibrarySpec("5103", "Bibliotheek Heidevenen", "NL-0851030000",
        [
            new WiseBranchSpec("510300", "Heidevenen Hoofdvestiging", "NL-0851030000"),
            new WiseBranchSpec("510301", "Heidevenen Ericaveld", "NL-0851030001"),
        ]),
    ]);
}
