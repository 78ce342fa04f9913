namespace Lsb.Hub.FailedMessages.Replay;

/// <summary>How one replay of one message ended (stored as text).</summary>
public static class ReplayOutcome
{
    /// <summary>Put back on the bus; not settled yet. At most one per message.</summary>
    public const string Pending = "Pending";
    /// <summary>Handled without error: the message is resolved.</summary>
    public const string Succeeded = "Succeeded";
    /// <summary>Failed again and is back in the store with its failure count increased.</summary>
    public const string FailedAgain = "FailedAgain";
    /// <summary>Wolverine no longer had the message when the replay was marked (discarded meanwhile).</summary>
    public const string Vanished = "Vanished";
}
