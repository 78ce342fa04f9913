namespace Lsb.Hub.EventLog;

/// <summary>
/// Tells in-process readers (feeds, projections, tests) that the log has grown, so they need not poll tightly.
/// Only a hint: readers MUST still read from the database, which is the truth on every node.
/// </summary>
public sealed class EventLogSignal
{
    private long _lastKnown;
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The highest position this process has seen committed.</summary>
    public long LastKnownPosition => Interlocked.Read(ref _lastKnown);

    /// <summary>Records that events up to <paramref name="position"/> are committed.</summary>
    public void Notify(long position)
    {
        long seen;
        do
        {
            seen = Interlocked.Read(ref _lastKnown);
            if (position <= seen) break;
        } while (Interlocked.CompareExchange(ref _lastKnown, position, seen) != seen);
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>Completes at the next notification or after <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var next = Volatile.Read(ref _next).Task;
        await Task.WhenAny(next, Task.Delay(timeout, cancellationToken));
    }
}
