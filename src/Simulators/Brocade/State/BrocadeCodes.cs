namespace Lsb.Hub.Simulators.Brocade.State;

/// <summary>The Brocade codes the simulator uses (docs/vendors/brocade.md; mapped in mappings/brocade/).</summary>
internal static class BrocadeCodes
{
    public const string MemberActive = "A";
    public const string MemberBlocked = "G";
    public const string MemberExpired = "V";

    public const string CopyPresent = "A";
    public const string CopyOnLoan = "U";
    public const string CopyInTransit = "T";
    public const string CopyOnHoldShelf = "R";
    public const string CopyMissing = "V";
    public const string CopyWithdrawn = "X";
    public const string CopyNotForLoan = "N";
    public const string CopyInProcessing = "B";

    public const string LoanOut = "UIT";
    public const string LoanRenewed = "VRL";
    public const string LoanOverdue = "TLT";
    public const string LoanReturned = "INL";

    public static readonly (string Code, float Weight)[] Materials =
        [("BK", 0.55f), ("ST", 0.08f), ("GL", 0.05f), ("LB", 0.06f), ("CD", 0.06f), ("DVD", 0.08f), ("BR", 0.03f), ("TS", 0.04f), ("SP", 0.03f), ("BM", 0.02f)];

    public static string[] Categories => ["V", "J", "S", "ST", "P", "I"];

    /// <summary>SIP2 media type (CK) of a material code.</summary>
    public static string MediaType(string material) => material switch
    {
        "BK" or "ST" or "GL" => "001",
        "TS" => "002",
        "LB" or "CD" => "006",
        "DVD" or "BR" => "005",
        _ => "000",
    };

    /// <summary>SIP2 circulation status (18) of a copy status code.</summary>
    public static string CirculationStatus(string status) => status switch
    {
        CopyPresent => "03",
        CopyOnLoan => "04",
        CopyInProcessing => "06",
        CopyOnHoldShelf => "08",
        CopyInTransit => "10",
        CopyMissing => "13",
        _ => "01",
    };
}
