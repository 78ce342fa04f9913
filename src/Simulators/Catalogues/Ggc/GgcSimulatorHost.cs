using Microsoft.AspNetCore.Builder;

namespace Lsb.Hub.Simulators.Catalogues.Ggc;

/// <summary>A running GGC simulator. Dispose it to stop the server.</summary>
public sealed class GgcSimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    internal GgcSimulatorHost(WebApplication app, Uri baseAddress, GgcSimulatorControl control, GgcSimulatorOptions options)
    {
        _app = app;
        BaseAddress = baseAddress;
        Control = control;
        Options = options;
    }

    /// <summary>The address the server listens on, e.g. <c>http://127.0.0.1:41234/</c>; the interface is under <c>ggc/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The control operations.</summary>
    public GgcSimulatorControl Control { get; }

    /// <summary>The options it runs with (the delivery account).</summary>
    public GgcSimulatorOptions Options { get; }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
