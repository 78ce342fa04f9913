namespace Lsb.Hub.Adapters.VSmart.Http;

/// <summary>The sockets shared by all V-smart installations (one pool per endpoint inside), recycled every few minutes
/// so DNS changes are seen.</summary>
internal sealed class VSmartConnectionPool : IDisposable
{
    public SocketsHttpHandler Handler { get; } = new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        MaxConnectionsPerServer = 16,
        AutomaticDecompression = System.Net.DecompressionMethods.All,
    };

    public void Dispose() => Handler.Dispose();
}
