namespace Lsb.Hub.FailedMessages.Replay;

/// <summary>Where a replay operation stands (stored as text).</summary>
public static class OperationStatus
{
    /// <summary>Accepted; waiting for the runner (operations run one at a time, in order of acceptance).</summary>
    public const string Queued = "Queued";
    /// <summary>Sending batches.</summary>
    public const string Running = "Running";
    /// <summary>Every selected message was sent (or skipped) and every replay settled or handed to the tracker.</summary>
    public const string Completed = "Completed";
    /// <summary>Stopped by poison-loop protection: a batch failed again almost entirely.</summary>
    public const string Stopped = "Stopped";
    /// <summary>Cancelled by an administrator; batches already sent go on.</summary>
    public const string Cancelled = "Cancelled";

    /// <summary>True when the operation will not send anything more.</summary>
    public static bool IsFinished(string status) => status is Completed or Stopped or Cancelled;
}
