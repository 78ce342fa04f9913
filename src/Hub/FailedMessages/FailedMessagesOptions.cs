using System.ComponentModel.DataAnnotations;

namespace Lsb.Hub.FailedMessages;

/// <summary>
/// Configuration section <c>FailedMessages</c>: how bulk replay is throttled and how long archived and resolved
/// messages are kept. Validated at start-up: a retention below <see cref="MinimumRetention"/> is refused, so a
/// typo cannot make the hub throw away evidence an administrator still needs.
/// </summary>
public sealed class FailedMessagesOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "FailedMessages";

    /// <summary>The shortest retention accepted for archived or resolved messages.</summary>
    public static readonly TimeSpan MinimumRetention = TimeSpan.FromDays(1);

    /// <summary>Messages put back on the bus per batch of a replay operation. The next batch is sent only after
    /// this one has settled (succeeded or failed again), so a bulk replay never floods the queues.</summary>
    [Range(1, 1000, ErrorMessage = "FailedMessages:ReplayBatchSize must be between 1 and 1000.")]
    public int ReplayBatchSize { get; set; } = 1000;

    /// <summary>Pause after each settled batch, leaving room for live traffic.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "FailedMessages:PauseBetweenBatches must be between 0 and 10 minutes.")]
    public TimeSpan PauseBetweenBatches { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a batch may take to settle before the operation moves on; what is still unsettled is
    /// tracked further in the background and never sent twice.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "06:00:00", ErrorMessage = "FailedMessages:BatchSettleTimeout must be between 1 second and 6 hours.")]
    public TimeSpan BatchSettleTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often outstanding replays are checked for their outcome.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00", ErrorMessage = "FailedMessages:SettleCheckInterval must be between 50 ms and 1 minute.")]
    public TimeSpan SettleCheckInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Poison-loop protection: an operation stops when at least this share of a settled batch failed
    /// again (1.0: only when the whole batch failed again; the cause is evidently not fixed).</summary>
    [Range(0.01, 1.0, ErrorMessage = "FailedMessages:StopWhenBatchFailsAgainShare must be between 0.01 and 1.0.")]
    public double StopWhenBatchFailsAgainShare { get; set; } = 1.0;

    /// <summary>Batches smaller than this never stop an operation on their failure share.</summary>
    [Range(1, 1000, ErrorMessage = "FailedMessages:StopCheckMinimumBatch must be between 1 and 1000.")]
    public int StopCheckMinimumBatch { get; set; } = 20;

    /// <summary>Poison-loop protection: a message replayed this many times is skipped unless the request says
    /// <c>force</c>.</summary>
    [Range(1, 1000, ErrorMessage = "FailedMessages:MaxReplaysPerMessage must be between 1 and 1000.")]
    public int MaxReplaysPerMessage { get; set; } = 10;

    /// <summary>How long archived messages are kept (from the moment they were archived).</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00", ErrorMessage = "FailedMessages:RetainArchivedFor must be between 1 day and 3650 days.")]
    public TimeSpan RetainArchivedFor { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long resolved messages (replayed with success) are kept (from the moment they were resolved).</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00", ErrorMessage = "FailedMessages:RetainResolvedFor must be between 1 day and 3650 days.")]
    public TimeSpan RetainResolvedFor { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How often the retention job runs.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "FailedMessages:RetentionInterval must be between 1 minute and 7 days.")]
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);
}
