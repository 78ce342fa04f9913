namespace Lsb.Hub.Privacy;

/// <summary>Loads the privacy keys at start, after the schema migrations and before the bus handles any message
/// (it is registered before the bus, and hosted services start in registration order).</summary>
public sealed class PrivacyKeysLoader(PrivacyKeys keys) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => keys.LoadAsync(cancellationToken);

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
