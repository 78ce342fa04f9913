namespace Lsb.Hub.Storage;

/// <summary>Runs the schema migrations before any other hosted service (the bus, the pollers) starts.</summary>
public sealed class SchemaMigrationService(SchemaMigrator migrator) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
