using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.AdapterHosting;
using Lsb.Hub.Adapters;
using Lsb.Hub.Installations;
using Microsoft.Extensions.Options;
using Serilog.Context;
using Wolverine;

namespace Lsb.Hub.Ingest;

/// <summary>
/// Polls every registered installation's change feed through its adapter. With a broker it puts each page on the bus
/// and saves the cursor only after the page is durably queued: a crash in between re-reads the page, whose changes are
/// then recognised as duplicates. With local queues it applies each page itself, in one transaction with the cursor
/// (IngestPoller.Inline.cs, docs/ingest.md). Faults back off per installation and are recorded for the health endpoint.
/// </summary>
public sealed partial class IngestPoller(
    InstallationStore installations,
    IInstallationLeases leases,
    Bus.BusOptions bus,
    AdapterRegistry adapters,
    IngestCursorStore cursors,
    IngestBackpressure backpressure,
    InlinePageApplier inline,
    IMessageBus messages,
    IOptions<IngestOptions> options,
    TimeProvider time,
    ILogger<IngestPoller> logger) : BackgroundService
{
    private readonly Dictionary<string, (CancellationTokenSource Stop, Task Loop, Installation Installation)> _workers = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _refresh = new(0);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            logger.LogInformation("Ingest polling is disabled on this node (Ingest:Enabled = false)");
            return;
        }
        installations.Changed += OnRegistryChanged;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await RefreshWorkersAsync(stoppingToken);
                await _refresh.WaitAsync(options.Value.RegistryRefresh, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
        finally
        {
            installations.Changed -= OnRegistryChanged;
            foreach (var (stop, _, _) in _workers.Values) await stop.CancelAsync();
            await Task.WhenAll(_workers.Values.Select(w => w.Loop));
            foreach (var (stop, _, _) in _workers.Values) stop.Dispose();
        }
    }

    private void OnRegistryChanged() => _refresh.Release();

    private static bool SameLibraries(Installation a, Installation b)
        => a.Descriptor.Libraries.Select(l => (l.Isil, l.VendorLibraryId)).Order().SequenceEqual(b.Descriptor.Libraries.Select(l => (l.Isil, l.VendorLibraryId)).Order());

    private async Task RefreshWorkersAsync(CancellationToken stoppingToken)
    {
        IReadOnlyList<Installation> registered;
        try
        {
            registered = await installations.ListAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not read the installation registry; polling continues with the installations already known");
            return;
        }
        var plan = await leases.RefreshAsync([.. registered.Select(i => i.Id)], stoppingToken);
        // A worker whose installation's libraries changed (a library moved in or out, Consolidation) starts again with
        // a fresh adapter, on this node at once and on the others at their next refresh.
        var current = registered.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var changed = _workers.Where(w => current.TryGetValue(w.Key, out var now) && !SameLibraries(w.Value.Installation, now)).Select(w => w.Key).ToList();
        foreach (var gone in _workers.Keys.Where(k => !plan.Held.Contains(k)).Concat(changed).Distinct(StringComparer.Ordinal).ToList())
        {
            var (stop, loop, _) = _workers[gone];
            await stop.CancelAsync();
            await loop;
            stop.Dispose();
            _workers.Remove(gone);
            if (changed.Contains(gone)) adapters.Forget(gone);
            logger.LogInformation("Stopped polling installation {InstallationId}", gone);
        }
        foreach (var id in plan.ToRelease) await leases.ReleaseAsync(id, stoppingToken);
        foreach (var installation in registered.Where(i => plan.Held.Contains(i.Id) && !_workers.ContainsKey(i.Id)))
        {
            var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            _workers[installation.Id] = (stop, Task.Run(() => PollLoopAsync(installation, stop.Token), CancellationToken.None), installation);
            logger.LogInformation("Polling installation {InstallationId} ({Vendor})", installation.Id, installation.Descriptor.Vendor);
        }
    }

    private async Task PollLoopAsync(Installation installation, CancellationToken cancellationToken)
    {
        if (options.Value.ApplyInline && bus.Transport == Bus.BusTransport.Local)
        {
            await InlineLoopAsync(installation, cancellationToken);
            return;
        }
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            TimeSpan pause;
            try
            {
                var hasMore = await PollOnceAsync(installation, cancellationToken);
                failures = 0;
                pause = hasMore ? TimeSpan.Zero : options.Value.PollInterval;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failures++;
                pause = await PollFailedAsync(installation.Id, e, failures, cancellationToken);
            }
            if (pause > TimeSpan.Zero)
            {
                try { await Task.Delay(pause, time, cancellationToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>Reads one page and queues it; true when more is waiting.</summary>
    private async Task<bool> PollOnceAsync(Installation installation, CancellationToken cancellationToken)
    {
        // Local queues: wait while this node has too many pages of the installation queued. With a broker the pages
        // are handled by every node and wait durably in the broker, so there is nothing to count here.
        var local = bus.Transport == Bus.BusTransport.Local;
        while (local && backpressure.InFlight(installation.Id) >= options.Value.MaxPagesInFlight)
            await Task.Delay(TimeSpan.FromMilliseconds(20), time, cancellationToken);

        // The installation as registered now, not as when this worker started: a library that moved in or out on
        // another node (Consolidation) is read from the next page on, also by a worker that started with an adapter
        // cached before the move (this node took over the installation's lease), not only from the next registry refresh.
        var current = await installations.GetAsync(installation.Id, cancellationToken) ?? installation;
        var adapter = adapters.For(current);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var state = await cursors.GetAsync(installation.Id, cancellationToken);
        var page = await adapter.ReadChangesAsync(state?.Cursor, options.Value.PageSize, cancellationToken);
        var readAfter = clock.Elapsed;
        if (page.Changes.Count > 0)
        {
            var correlationId = $"poll-{installation.Id}-{Uuid7.New():N}";
            using (LogContext.PushProperty("CorrelationId", correlationId))
            {
                await IngestDelivery.SendPageAsync(messages, local ? backpressure : null, current, installation.Id, page.Changes, correlationId);
                logger.LogDebug("Read {Changes} changes from installation {InstallationId} in {ReadMs:F0} ms, queued in {SendMs:F0} ms",
                    page.Changes.Count, installation.Id, readAfter.TotalMilliseconds, (clock.Elapsed - readAfter).TotalMilliseconds);
            }
        }
        await cursors.SaveSuccessAsync(installation.Id, page.NextCursor, page.Changes.Count, cancellationToken);
        return page.HasMore;
    }

    // Logs and records a failed poll; returns the pause before the next try.
    private async Task<TimeSpan> PollFailedAsync(string installationId, Exception e, int failures, CancellationToken cancellationToken)
    {
        var pause = Backoff(failures);
        var kind = e switch
        {
            IlsUnavailableException => "is unavailable",
            IlsProtocolException => "answered with something the adapter cannot read, or refused the credentials",
            UnknownInstallationException => "cannot be served",
            _ => null,
        };
        if (kind is null)
            logger.LogError(e, "Poll of installation {InstallationId} failed unexpectedly ({Failures} in a row); next try in {Pause}", installationId, failures, pause);
        else
            logger.LogWarning("Poll of installation {InstallationId}: the installation {Kind}: {Error} ({Failures} in a row); next try in {Pause}",
                installationId, kind, e.Message, failures, pause);
        await SafeRecordFailureAsync(installationId, $"{e.GetType().Name}: {e.Message}", cancellationToken);
        return pause;
    }

    private TimeSpan Backoff(int failures)
    {
        var factor = Math.Pow(2, Math.Min(failures - 1, 16));
        var pause = TimeSpan.FromMilliseconds(options.Value.FailureBackoff.TotalMilliseconds * factor);
        return pause > options.Value.MaxBackoff ? options.Value.MaxBackoff : pause;
    }

    private async Task SafeRecordFailureAsync(string installationId, string error, CancellationToken cancellationToken)
    {
        try
        {
            await cursors.SaveFailureAsync(installationId, error, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not record the poll failure of installation {InstallationId}", installationId);
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _refresh.Dispose();
        base.Dispose();
    }
}
