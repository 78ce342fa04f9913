namespace Lsb.Hub.Adapters.Brocade.Mapping;

/// <summary>What a SIP2 screen message (AF) means to the hub (<c>mappings/brocade/screen-messages.csv</c>): SIP2 gives only
/// an ok flag and a text, so the texts an installation uses are classified there.</summary>
public enum SipVerdict
{
    /// <summary>The request had been carried out before (a repeat): treat as success.</summary>
    AlreadyDone,
    /// <summary>The patron is unknown.</summary>
    PatronUnknown,
    /// <summary>The patron may not borrow (blocked, expired).</summary>
    PatronBlocked,
    /// <summary>The copy or title is unknown.</summary>
    ItemUnknown,
    /// <summary>The copy cannot be lent or held now.</summary>
    ItemNotAvailable,
    /// <summary>The loan cannot be renewed.</summary>
    NotRenewable,
    /// <summary>The request was invalid.</summary>
    InvalidRequest,
}
