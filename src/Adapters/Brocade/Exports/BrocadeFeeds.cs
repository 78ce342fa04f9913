namespace Lsb.Hub.Adapters.Brocade.Exports;

/// <summary>The names of the Brocade feeds, as <c>VendorChange.Feed</c> carries them.</summary>
internal static class BrocadeFeeds
{
    public const string Members = "leden";
    public const string Holdings = "exemplaren";
    public const string Loans = "uitleningen";
    public const string ForeignTakeIns = "innames-vreemd";
}
