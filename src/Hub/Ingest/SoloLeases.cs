namespace Lsb.Hub.Ingest;

/// <summary>The embedded default runs one node: it holds every lease.</summary>
public sealed class SoloLeases : IInstallationLeases
{
    /// <inheritdoc />
    public Task<LeasePlan> RefreshAsync(IReadOnlyCollection<string> installationIds, CancellationToken cancellationToken)
        => Task.FromResult(new LeasePlan(new HashSet<string>(installationIds, StringComparer.Ordinal), []));

    /// <inheritdoc />
    public Task ReleaseAsync(string installationId, CancellationToken cancellationToken) => Task.CompletedTask;
}
