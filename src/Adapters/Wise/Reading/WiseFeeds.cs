namespace Lsb.Hub.Adapters.Wise.Reading;

/// <summary>The names of the Wise feeds, as <c>VendorChange.Feed</c> carries them.</summary>
internal static class WiseFeeds
{
    public const string Patron = "patron";
    public const string DeletedPatron = "deletedpatron";
    public const string Item = "item";
    public const string Loan = "loan";
}
