using Lsb.Hub.Simulators.VSmart.State;

namespace Lsb.Hub.Simulators.VSmart;

/// <summary>Produces a steady trickle of changes (the sandbox's "library open for business"), off at rate 0.</summary>
internal sealed class BackgroundActivity : IAsyncDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);
    private readonly SimulatorState _state;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private double _changesPerSecond;

    public BackgroundActivity(SimulatorState state, double changesPerSecond)
    {
        _state = state;
        _changesPerSecond = changesPerSecond;
        _loop = Task.Run(RunAsync);
    }

    public double ChangesPerSecond
    {
        get => Volatile.Read(ref _changesPerSecond);
        set => Volatile.Write(ref _changesPerSecond, value < 0 ? throw new ArgumentOutOfRangeException(nameof(value), "A rate cannot be negative.") : value);
    }

    private async Task RunAsync()
    {
        var owed = 0.0;
        var turn = 0;
        var installations = _state.All.ToArray();
        while (!_stop.IsCancellationRequested)
        {
            try { await Task.Delay(Tick, _state.Options.Time, _stop.Token); }
            catch (OperationCanceledException) { return; }
            owed += ChangesPerSecond * Tick.TotalSeconds;
            var due = (int)owed;
            owed -= due;
            if (due > 0 && installations.Length > 0) installations[turn++ % installations.Length].Generate(due, null);
            if (ChangesPerSecond == 0) owed = 0;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
