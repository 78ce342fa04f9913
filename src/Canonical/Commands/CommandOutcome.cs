namespace Lsb.Hub.Canonical.Commands;

/// <summary>How an adapter's attempt to carry out a command ended.</summary>
public enum CommandOutcome
{
    /// <summary>Done.</summary>
    Succeeded,
    /// <summary>Already done before (an idempotent repeat): treat as success.</summary>
    AlreadyDone,
    /// <summary>Refused for a reason that retrying will not fix (patron blocked, unknown item). See the reason code.</summary>
    Rejected,
    /// <summary>Failed for a reason that may pass (timeout before sending, 503, circuit open): retry later.</summary>
    Transient,
    /// <summary>Sent, but the answer was lost: the caller MUST reconcile by reading the state before retrying.</summary>
    Unknown,
    /// <summary>This vendor or installation cannot do this.</summary>
    NotSupported,
    /// <summary>Staff must do it by hand in the library system.</summary>
    ManualActionRequired,
}
