using Lsb.Hub.Simulators.Brocade.Control;
using Lsb.Hub.Simulators.Brocade.Exports;
using Lsb.Hub.Simulators.Brocade.State;

namespace Lsb.Hub.Simulators.Brocade;

/// <summary>The library open for business: a trickle of changes, and the export schedule (deltas, "nightly" full exports).</summary>
internal sealed class BackgroundActivity : IAsyncDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);
    private readonly InstallationState _state;
    private readonly ExportWriter _exports;
    private readonly BrocadeSimulatorOptions _options;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private double _changesPerSecond;

    public BackgroundActivity(InstallationState state, ExportWriter exports, BrocadeSimulatorOptions options)
    {
        _state = state;
        _exports = exports;
        _options = options;
        _changesPerSecond = options.BackgroundChangesPerSecond;
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
        var time = _options.Time;
        var nextDelta = _options.DeltaExportInterval is { } d ? time.GetUtcNow() + d : DateTimeOffset.MaxValue;
        var nextFull = _options.FullExportInterval is { } f ? time.GetUtcNow() + f : DateTimeOffset.MaxValue;
        while (!_stop.IsCancellationRequested)
        {
            try { await Task.Delay(Tick, time, _stop.Token); }
            catch (OperationCanceledException) { return; }
            owed += ChangesPerSecond * Tick.TotalSeconds;
            var due = (int)owed;
            owed -= due;
            if (due > 0) _state.Generate(due);
            var now = time.GetUtcNow();
            if (now >= nextFull)
            {
                _exports.Write(ExportKind.Full, ExportWriteMode.Safe);
                nextFull = now + _options.FullExportInterval!.Value;
            }
            if (now >= nextDelta)
            {
                _exports.Write(ExportKind.Delta, ExportWriteMode.Safe);
                nextDelta = now + _options.DeltaExportInterval!.Value;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
