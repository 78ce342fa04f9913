namespace Lsb.Hub.FailedMessages.Replay;

/// <summary>Wakes the replay runner when an operation is accepted, instead of waiting for its next poll.</summary>
public sealed class ReplaySignal : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0);

    /// <summary>Wakes the runner.</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0) _wake.Release();
    }

    /// <summary>Waits for a wake-up or the timeout.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
        => _wake.WaitAsync(timeout, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);

    /// <inheritdoc />
    public void Dispose() => _wake.Dispose();
}
