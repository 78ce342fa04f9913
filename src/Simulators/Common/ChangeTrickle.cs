namespace Lsb.Hub.Simulators.Common;

/// <summary>
/// A steady trickle of changes (the sandbox's "library open for business"): every 100 ms of the simulator's clock it
/// asks <c>generate</c> for the changes owed at <see cref="ChangesPerSecond"/>, then calls <c>afterTick</c> (a
/// simulator's own schedule, such as Brocade's exports). Off at rate 0.
/// </summary>
public sealed class ChangeTrickle : IAsyncDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);
    private readonly TimeProvider _time;
    private readonly Action<int> _generate;
    private readonly Action<DateTimeOffset>? _afterTick;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private double _changesPerSecond;

    public ChangeTrickle(TimeProvider time, double changesPerSecond, Action<int> generate, Action<DateTimeOffset>? afterTick = null)
    {
        _time = time;
        _generate = generate;
        _afterTick = afterTick;
        ChangesPerSecond = changesPerSecond;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Changes per second; settable while running (the simulators' control endpoints do).</summary>
    public double ChangesPerSecond
    {
        get => Volatile.Read(ref _changesPerSecond);
        set => Volatile.Write(ref _changesPerSecond, value < 0 ? throw new ArgumentOutOfRangeException(nameof(value), "A rate cannot be negative.") : value);
    }

    private async Task RunAsync()
    {
        var owed = 0.0;
        while (!_stop.IsCancellationRequested)
        {
            try { await Task.Delay(Tick, _time, _stop.Token); }
            catch (OperationCanceledException) { return; }
            owed += ChangesPerSecond * Tick.TotalSeconds;
            var due = (int)owed;
            owed -= due;
            if (due > 0) _generate(due);
            if (ChangesPerSecond == 0) owed = 0;
            _afterTick?.Invoke(_time.GetUtcNow());
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
