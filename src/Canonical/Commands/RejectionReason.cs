namespace Lsb.Hub.Canonical.Commands;

/// <summary>Why a command was <see cref="CommandOutcome.Rejected"/>.</summary>
public enum RejectionReason
{
    /// <summary>No reason given.</summary>
    None,
    /// <summary>The member is blocked.</summary>
    PatronBlocked,
    /// <summary>The member is unknown to the system.</summary>
    PatronUnknown,
    /// <summary>The member's credentials are wrong.</summary>
    InvalidCredentials,
    /// <summary>The copy is unknown.</summary>
    ItemUnknown,
    /// <summary>The copy cannot be held or lent now.</summary>
    ItemNotAvailable,
    /// <summary>The loan cannot be renewed.</summary>
    NotRenewable,
    /// <summary>The installation refused the hub's credentials.</summary>
    Unauthorized,
    /// <summary>A vendor code has no mapping.</summary>
    MappingMissing,
    /// <summary>The request was invalid.</summary>
    InvalidRequest,
}
