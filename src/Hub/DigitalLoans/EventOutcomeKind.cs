namespace Lsb.Hub.DigitalLoans;

/// <summary>How the hub took one event of a batch.</summary>
public enum EventOutcomeKind
{
    /// <summary>New, valid and stored: applied or kept waiting.</summary>
    Accepted,
    /// <summary>This event id was accepted before with the same content: nothing changed (safe to resend).</summary>
    Duplicate,
    /// <summary>Not stored: see the reasons; fix the event and send it again (a new id is not needed).</summary>
    Rejected,
}
