namespace Lsb.Hub.Installations;

/// <summary>How an installation is doing, as the hub sees it.</summary>
/// <param name="Status">Healthy, Degraded (failing polls, circuit open) or NotPolledYet.</param>
/// <param name="LastPollAt">Last poll attempt.</param>
/// <param name="LastSuccessfulPollAt">Last poll that read the feed.</param>
/// <param name="LastChangeAt">Last poll that brought changes.</param>
/// <param name="LagSeconds">Seconds since the last successful poll.</param>
/// <param name="ConsecutiveFailures">Failed polls in a row.</param>
/// <param name="LastError">The last poll error, if any.</param>
/// <param name="CircuitState">The adapter's circuit breaker: Closed, Open, HalfOpen, or Unknown.</param>
/// <param name="ChangesRead">Changes read since registration.</param>
/// <param name="Members">Members whose home library is in this installation.</param>
/// <param name="Holdings">Copies of its libraries.</param>
/// <param name="Loans">Loans of its libraries.</param>
public sealed record InstallationHealthView(
    string Status,
    DateTimeOffset? LastPollAt,
    DateTimeOffset? LastSuccessfulPollAt,
    DateTimeOffset? LastChangeAt,
    double? LagSeconds,
    int ConsecutiveFailures,
    string? LastError,
    string CircuitState,
    long ChangesRead,
    long Members,
    long Holdings,
    long Loans);
