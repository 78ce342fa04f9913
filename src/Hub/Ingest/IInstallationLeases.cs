namespace Lsb.Hub.Ingest;

/// <summary>
/// Decides which node polls which installation, so that at any moment at most one node polls each installation
/// (two pollers would only waste work — ingest is idempotent — but a vendor system must not be polled twice as hard).
/// </summary>
public interface IInstallationLeases
{
    /// <summary>Takes, keeps or gives up leases for <paramref name="installationIds"/> (all registered installations).</summary>
    Task<LeasePlan> RefreshAsync(IReadOnlyCollection<string> installationIds, CancellationToken cancellationToken);

    /// <summary>Gives up the lease of an installation whose poller has stopped.</summary>
    Task ReleaseAsync(string installationId, CancellationToken cancellationToken);
}
