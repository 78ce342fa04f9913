namespace Lsb.Hub.FailedMessages.Replay;

/// <summary>Where one selected message of an operation stands (stored as text).</summary>
public static class ItemState
{
    /// <summary>Not sent yet.</summary>
    public const string Waiting = "Waiting";
    /// <summary>Put back on the bus; outcome not seen yet.</summary>
    public const string Sent = "Sent";
    /// <summary>Handled: resolved.</summary>
    public const string Succeeded = ReplayOutcome.Succeeded;
    /// <summary>Failed again: back in the store.</summary>
    public const string FailedAgain = ReplayOutcome.FailedAgain;
    /// <summary>Not sent, with a reason (resolved already, archived, replay outstanding, gone, too many replays, stopped).</summary>
    public const string Skipped = "Skipped";
}
