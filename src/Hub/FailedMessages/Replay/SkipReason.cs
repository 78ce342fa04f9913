namespace Lsb.Hub.FailedMessages.Replay;

/// <summary>Why a selected message was not replayed (shown per operation, counted by reason).</summary>
public static class SkipReason
{
    public const string AlreadySucceeded = "already succeeded: a resolved message is never replayed again";
    public const string Gone = "no longer in the store (discarded, or removed by retention)";
    public const string Archived = "archived: unarchive it first";
    public const string Outstanding = "a replay of it is still outstanding";
    public const string Cancelled = "the operation was cancelled";

    /// <summary>The message was replayed too often already (poison-loop protection).</summary>
    public static string TooManyReplays(int max) => $"replayed {max} times already and failed each time: fix the cause, then replay with force";

    /// <summary>The operation was stopped by poison-loop protection.</summary>
    public static string Stopped(int failed, int batch) => $"the operation stopped: {failed} of {batch} messages in a batch failed again";
}
