namespace Lsb.Hub.Simulators.VSmart.State;

/// <summary>V-smart's own codes as the simulator uses them (docs/vendors/vsmart.md; mappings/vsmart/ maps them).</summary>
internal static class VSmartCodes
{
    public const string ItemAvailable = "AV";
    public const string ItemCheckedOut = "CO";
    public const string ItemInTransit = "IT";
    public const string ItemOnHoldShelf = "HS";
    public const string ItemMissing = "MI";
    public const string ItemWithdrawn = "WD";
    public const string ItemReference = "RF";
    public const string ItemInProcess = "IP";

    public const string PolicyIbl = "IBL";
    public const string PolicyLocal = "LOC";
    public const string PolicyTemporary = "TMP";

    public const string BorrowerOk = "OK";
    public const string BorrowerBlocked = "BL";
    public const string BorrowerExpired = "VV";

    public const string LoanLent = "LE";
    public const string LoanRenewed = "VL";
    public const string LoanOverdue = "TL";
    public const string LoanReturned = "IN";

    public const string BorrowerNew = "nieuw";
    public const string BorrowerChanged = "wijziging";
    public const string BorrowerRemoved = "verwijdering";

    public const string LoanStart = "uitlening";
    public const string LoanRenewal = "verlenging";
    public const string LoanEnd = "inname";
    public const string ForeignItemTakenIn = "inname-vreemd";

    public const string Serial = "TS";

    /// <summary>Borrower categories (lenerscategorie) with their share of generated borrowers.</summary>
    public static readonly (string Code, float Weight)[] Categories =
        [("01", 0.52f), ("02", 0.27f), ("03", 0.14f), ("04", 0.05f), ("05", 0.02f)];

    /// <summary>Material codes with their share of generated titles.</summary>
    public static readonly (string Code, float Weight)[] Materials =
        [("BK", 0.58f), ("ST", 0.06f), ("GL", 0.05f), ("LB", 0.07f), ("CD", 0.05f), ("DV", 0.07f), ("BR", 0.02f), ("TS", 0.05f), ("SP", 0.03f), ("BM", 0.02f)];
}
