namespace Lsb.Hub.Adapters.VSmart.Reading;

/// <summary>The names of the V-smart feeds, as <c>VendorChange.Feed</c> carries them.</summary>
internal static class VSmartFeeds
{
    /// <summary>A copy embedded in a harvested MARCXML record (payload: the whole record).</summary>
    public const string Holding = "holding";

    /// <summary>A borrower web-service entry (payload: the <c>mutatie</c> element).</summary>
    public const string Borrower = "borrower";

    /// <summary>A loan web-service entry (payload: the <c>mutatie</c> element).</summary>
    public const string Loan = "loan";
}
