using Lsb.Hub.Tests.Infrastructure;

namespace Lsb.Hub.Tests.Consolidation.Support;

/// <summary>Base of the consolidation end-to-end tests: a fresh <see cref="MoveWorld"/> per test.</summary>
public abstract class MoveWorldTests(TestBackend backend, IDictionary<string, string?>? settings = null) : IAsyncLifetime
{
    /// <summary>The world of the running test.</summary>
    protected MoveWorld World { get; private set; } = null!;

    /// <summary>The backend this class runs on.</summary>
    protected TestBackend Backend => backend;

    public async ValueTask InitializeAsync() => World = await MoveWorld.StartAsync(backend, settings);

    public async ValueTask DisposeAsync()
    {
        if (World is not null) await World.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
