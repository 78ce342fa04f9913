using Lsb.Hub.Canonical.Identity;
using System.Data.Common;
using System.Globalization;
using Lsb.Hub.CustomerView;
using Lsb.Hub.Storage;
using Microsoft.Extensions.Options;

namespace Lsb.Hub.Privacy.Retention;

/// <summary>
/// One retention run: every ended loan that ended before the cut-off (now minus the history period) and is not yet
/// decided is either pseudonymised — its member becomes a <see cref="MemberPseudonym"/> in the loans table and in its
/// loan events in the log — or, when the person's effective keep-history consent is an opt-in, marked kept. Works in
/// chunks, each one transaction with the watermark and the run report, so a hub stopped mid-run loses nothing and the
/// next run resumes; a loan is decided once. Also deletes e-book events that waited too long for a member.
/// </summary>
public sealed class RetentionRunner(HubDatabase database, PrivacyKeys keys, RetentionReports reports, IOptions<RetentionOptions> options, TimeProvider time,
    ILogger<RetentionRunner> logger) : IDisposable
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private bool _recovered;

    /// <summary>Raised after each chunk commits, with the chunk's number in the run (tests stop a run there).</summary>
    internal event Action<int>? ChunkCommitted;

    /// <summary>Runs now (waits for a run in progress on this node to end first).</summary>
    public async Task<RetentionRun> RunAsync(string triggeredBy, CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            return await RunOnceAsync(triggeredBy, cancellationToken);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _oneAtATime.Dispose();

    private async Task<RetentionRun> RunOnceAsync(string triggeredBy, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var pseudonym = new MemberPseudonym(await keys.ForAsync(PrivacyPurpose.LoanHistoryPseudonym, cancellationToken));
        var started = time.GetUtcNow();
        var cutoff = Iso(started - settings.HistoryPeriod);
        var runId = "ret-" + Uuid7.New().ToString("N");
        string? lastEnded, lastId;
        await using (var connection = await database.OpenAsync(cancellationToken))
        await using (var transaction = await HubDatabase.BeginWriteAsync(connection, cancellationToken))
        {
            if (!_recovered)
            {
                // A run still 'Running' when this process starts was cut off by a stop or crash; this run resumes its work.
                await Run(connection, transaction, "UPDATE retention_runs SET status = 'Interrupted' WHERE status = 'Running'", cancellationToken);
                _recovered = true;
            }
            (lastEnded, lastId) = await WatermarkAsync(connection, transaction, cancellationToken);
            await Run(connection, transaction,
                "INSERT INTO retention_runs (id, started_at, finished_at, cutoff, triggered_by, status, loans_pseudonymised, loans_kept_by_consent, " +
                "log_events_rewritten, waiting_events_expired, resumed_from, error) VALUES (@id, @at, NULL, @cutoff, @by, 'Running', 0, 0, 0, 0, @resumed, NULL)",
                cancellationToken, ("id", runId), ("at", Iso(started)), ("cutoff", cutoff), ("by", triggeredBy),
                ("resumed", lastEnded is null ? null : $"{lastEnded} {lastId}"));
            await transaction.CommitAsync(cancellationToken);
        }
        try
        {
            var chunks = 0;
            while (await RetentionChunk.DecideAsync(database, time, runId, cutoff, pseudonym, settings.ChunkSize, lastEnded ?? "", lastId ?? "", cancellationToken) is { } next)
            {
                (lastEnded, lastId) = next;
                ChunkCommitted?.Invoke(++chunks);
            }
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = await HubDatabase.BeginWriteAsync(connection, cancellationToken);
            var expired = await Run(connection, transaction,
                "DELETE FROM digital_loan_events WHERE loan_key IS NOT NULL AND received_at < @expiry", cancellationToken,
                ("expiry", Iso(started - settings.WaitingEventExpiry)));
            await Run(connection, transaction,
                "UPDATE retention_watermark SET pass_cutoff = NULL, last_ended_at = NULL, last_loan_id = NULL, updated_at = @at WHERE id = 1",
                cancellationToken, ("at", Iso(time.GetUtcNow())));
            await Run(connection, transaction,
                "UPDATE retention_runs SET status = 'Completed', finished_at = @at, waiting_events_expired = @expired WHERE id = @id",
                cancellationToken, ("at", Iso(time.GetUtcNow())), ("expired", expired), ("id", runId));
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Retention run {RunId} failed; the next run resumes from its watermark", runId);
            await using var connection = await database.OpenAsync(CancellationToken.None);
            await Run(connection, null, "UPDATE retention_runs SET status = 'Failed', finished_at = @at, error = @error WHERE id = @id",
                CancellationToken.None, ("at", Iso(time.GetUtcNow())), ("error", e.GetType().Name + ": " + e.Message), ("id", runId));
        }
        return (await reports.GetAsync(runId, CancellationToken.None))!;
    }

    private static async Task<(string?, string?)> WatermarkAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(connection, transaction, "SELECT last_ended_at, last_loan_id FROM retention_watermark WHERE id = 1");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (SqlCommands.Text(reader, 0), SqlCommands.Text(reader, 1)) : (null, null);
    }

    private static async Task<int> Run(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = SqlCommands.Create(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Iso(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

}
