using System.Globalization;
using Lsb.Hub.AdapterHosting;
using Lsb.Hub.Ingest;
using Lsb.Hub.Storage;

namespace Lsb.Hub.Installations;

/// <summary>Builds the health view of an installation: polling state, the adapter's circuit, and counts.</summary>
public sealed class InstallationHealth(IngestCursorStore cursors, AdapterRegistry adapters, HubDatabase database, TimeProvider time, ILogger<InstallationHealth> logger)
{
    /// <summary>The health of <paramref name="installation"/>. Asks the installation itself (bounded by <paramref name="probeTimeout"/>).</summary>
    public async Task<InstallationHealthView> DescribeAsync(Installation installation, TimeSpan probeTimeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(installation);
        var state = await cursors.GetAsync(installation.Id, cancellationToken);
        var circuit = "Unknown";
        string? probeError = null;
        try
        {
            using var probe = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            probe.CancelAfter(probeTimeout);
            var health = await adapters.For(installation).CheckHealthAsync(probe.Token);
            circuit = health.CircuitState;
            if (!health.Healthy) probeError = health.Description;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Health probe of installation {InstallationId} failed", installation.Id);
            probeError = $"Health probe failed: {e.Message}";
        }

        var isils = installation.Descriptor.Libraries.Select(l => l.Isil.Value).ToList();
        await using var connection = await database.OpenAsync(cancellationToken);
        var members = await CountAsync(connection, "members", "home_isil", isils, cancellationToken);
        var holdings = await CountAsync(connection, "holdings", "isil", isils, cancellationToken);
        var loans = await CountAsync(connection, "loans", "isil", isils, cancellationToken);

        var lastSuccess = Parse(state?.LastSuccessAt);
        var failing = (state?.ConsecutiveFailures ?? 0) > 0 || probeError is not null || circuit == "Open";
        var status = state is null ? "NotPolledYet" : failing ? "Degraded" : "Healthy";
        return new InstallationHealthView(
            status, Parse(state?.LastPollAt), lastSuccess, Parse(state?.LastChangeAt),
            lastSuccess is { } s ? Math.Round((time.GetUtcNow() - s).TotalSeconds, 1) : null,
            state?.ConsecutiveFailures ?? 0, probeError ?? state?.LastError, circuit, state?.ChangesRead ?? 0, members, holdings, loans);
    }

    private async Task<long> CountAsync(System.Data.Common.DbConnection connection, string table, string column, List<string> isils, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table} WHERE {database.Dialect.InList(column, "@isils")}";
        database.Dialect.AddList(command, "@isils", isils);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static DateTimeOffset? Parse(string? text)
        => text is null ? null : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
