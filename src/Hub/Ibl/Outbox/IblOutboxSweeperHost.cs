namespace Lsb.Hub.Ibl.Outbox;

/// <summary>Runs the one <see cref="IblOutboxSweeper"/> (a singleton, so tests can sweep on demand) as a hosted service.</summary>
public sealed class IblOutboxSweeperHost(IblOutboxSweeper sweeper) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => sweeper.StartAsync(cancellationToken);

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => sweeper.StopAsync(cancellationToken);
}
