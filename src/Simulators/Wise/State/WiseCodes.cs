namespace Lsb.Hub.Simulators.Wise.State;

/// <summary>The vendor codes the simulator uses (docs/vendors/wise.md lists them with their meaning).</summary>
internal static class WiseCodes
{
    // Item (exemplaar) status.
    public const string ItemAvailable = "BES";
    public const string ItemOnLoan = "UIT";
    public const string ItemInTransit = "TRA";
    public const string ItemOnHoldShelf = "RES";
    public const string ItemMissing = "ZOEK";
    public const string ItemWithdrawn = "AFG";
    public const string ItemNotForLoan = "NUL";
    public const string ItemInProcessing = "BEW";

    // Loan (uitlening) status.
    public const string LoanOut = "UIT";
    public const string LoanRenewed = "VERL";
    public const string LoanReturned = "TER";
    public const string LoanOverdue = "TLT";

    // Mutation kinds.
    public const string ItemNew = "NIEUW";
    public const string ItemChanged = "WIJZIGING";
    public const string ItemRemoved = "AFVOER";
    public const string LoanStarted = "UITLENING";
    public const string LoanRenewal = "VERLENGING";
    public const string LoanReturn = "INNAME";
    public const string LoanCorrection = "CORRECTIE";
    public const string ForeignItemTakenIn = "INNAME_VREEMD";

    // Patron status.
    public const string PatronActive = "ACT";
    public const string PatronBlocked = "BLOK";
    public const string PatronExpired = "VERV";

    // Patron categories.
    public const string CategoryYouth = "JEUGD";
    public const string CategoryAdult = "VOLW";
    public const string CategorySenior = "65PLUS";
    public const string CategoryStudent = "STUDENT";
    public const string CategoryStaff = "PERSONEEL";
    public const string CategoryLibrary = "IBL";

    // Hold status.
    public const string HoldOpen = "OPEN";
    public const string HoldCancelled = "GEANNULEERD";

    /// <summary>Material types with their seeding weight.</summary>
    public static readonly (string Code, float Weight)[] MaterialTypes =
    [
        ("BOEK", 0.55f), ("STRIP", 0.08f), ("GRL", 0.05f), ("LUIS", 0.07f), ("CD", 0.06f), ("DVD", 0.06f),
        ("BLU", 0.02f), ("TIJD", 0.05f), ("SPEL", 0.03f), ("BLAD", 0.03f),
    ];
}
