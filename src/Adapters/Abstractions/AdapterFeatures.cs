namespace Lsb.Hub.Adapters;

/// <summary>Optional features of an installation (see docs/adapters.md).</summary>
[Flags]
public enum AdapterFeatures
{
    /// <summary>None.</summary>
    None = 0,
    /// <summary>Changes can be read incrementally.</summary>
    ChangeFeed = 1,
    /// <summary>Members can be authenticated with card number and PIN.</summary>
    PatronAuthentication = 2,
    /// <summary>Holds on a specific copy.</summary>
    ItemLevelHold = 4,
    /// <summary>Holds on a title.</summary>
    TitleLevelHold = 8,
    /// <summary>Holds can be cancelled.</summary>
    CancelHold = 16,
    /// <summary>Temporary copies can be created for incoming interlibrary loans.</summary>
    TemporaryItems = 32,
    /// <summary>Loans can be renewed.</summary>
    Renewal = 64,
    /// <summary>Check-out and check-in.</summary>
    Circulation = 128,
}
