namespace Lsb.Hub.Consolidation;

/// <summary>Wakes the <see cref="MoveRunner"/> of this node when a move is accepted.</summary>
public sealed class MoveSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0);

    /// <summary>Wakes the runner.</summary>
    public void Notify()
    {
        if (_signal.CurrentCount == 0) _signal.Release();
    }

    /// <summary>Waits for a signal or the timeout.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _signal.Dispose();
}
