using Microsoft.AspNetCore.Builder;

namespace Lsb.Hub.Simulators.Catalogues.WorldCat;

/// <summary>A running WorldCat simulator. Dispose it to stop the server.</summary>
public sealed class WorldCatSimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    internal WorldCatSimulatorHost(WebApplication app, Uri baseAddress, WorldCatSimulatorControl control, WorldCatSimulatorOptions options)
    {
        _app = app;
        BaseAddress = baseAddress;
        Control = control;
        Options = options;
    }

    /// <summary>The address the server listens on; the token endpoint is <c>token</c>, the API under <c>worldcat/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The control operations.</summary>
    public WorldCatSimulatorControl Control { get; }

    /// <summary>The options it runs with (the WSKey and secret).</summary>
    public WorldCatSimulatorOptions Options { get; }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
