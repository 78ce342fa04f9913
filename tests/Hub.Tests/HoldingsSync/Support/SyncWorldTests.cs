namespace Lsb.Hub.Tests.HoldingsSync.Support;

/// <summary>A test class with a fresh <see cref="SyncWorld"/> per test, started by <paramref name="start"/>.</summary>
public abstract class SyncWorldTests(Func<Task<SyncWorld>> start) : IAsyncLifetime
{
    private SyncWorld? _world;

    /// <summary>The test's world (catalogue simulators, hub, optionally a vendor's simulator).</summary>
    protected SyncWorld World => _world ?? throw new InvalidOperationException("The world starts in InitializeAsync.");

    /// <summary>The GGC simulator's control API.</summary>
    protected Simulators.Catalogues.Ggc.GgcSimulatorControl Ggc => World.Sims.Ggc.Control;

    public async ValueTask InitializeAsync() => _world = await start();

    public async ValueTask DisposeAsync()
    {
        if (_world is not null) await _world.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
