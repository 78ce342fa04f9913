using System.Text.Json;

namespace Lsb.Hub.FailedMessages.Replay;

/// <summary>
/// A replay operation and its progress (<c>GET /api/v1/admin/operations/{id}</c>). <c>Done</c> counts messages whose
/// fate is known (succeeded, failed again or skipped); the operation is over when its status is finished and
/// <c>Pending</c> is 0.
/// </summary>
public sealed record ReplayOperationView(
    string Id,
    string Kind,
    string Status,
    JsonElement Selection,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    bool Force,
    int BatchSize,
    int BatchesDone,
    int Total,
    int Waiting,
    int Pending,
    int Succeeded,
    int FailedAgain,
    int Skipped,
    int Done,
    double PercentDone,
    string? Note,
    IReadOnlyDictionary<string, int> SkipReasons);
