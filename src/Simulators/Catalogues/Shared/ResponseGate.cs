namespace Lsb.Hub.Simulators.Catalogues.Shared;

/// <summary>
/// Holds a simulator's answer to one chosen request AFTER the request has been applied, until the test releases it or
/// the client goes away. This reproduces the hardest crash for exactly-once delivery: the catalogue did the work, the
/// client never learned it. Only the first matching request is held; the gate then disarms itself.
/// </summary>
public sealed class ResponseGate
{
    private readonly Lock _lock = new();
    private Func<string, bool>? _match;
    private TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Holds the answer to the first request whose key (a file name, an LHR control number) matches.</summary>
    public void HoldAfterApplying(Func<string, bool> match)
    {
        ArgumentNullException.ThrowIfNull(match);
        lock (_lock)
        {
            _match = match;
            _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Completes when a matching request has been applied and its answer is being held.</summary>
    public Task WhenHeldAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock) return _reached.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Lets the held answer go (and disarms the gate).</summary>
    public void Release()
    {
        lock (_lock)
        {
            _match = null;
            _released.TrySetResult();
        }
    }

    /// <summary>Called by the simulator after applying the request with <paramref name="key"/>; waits while held.
    /// Throws <see cref="OperationCanceledException"/> when the client aborted the request meanwhile.</summary>
    internal async Task PassAsync(string key, CancellationToken aborted)
    {
        Task released;
        lock (_lock)
        {
            if (_match is null || !_match(key)) return;
            _match = null;
            _reached.TrySetResult();
            released = _released.Task;
        }
        await released.WaitAsync(aborted);
    }
}
