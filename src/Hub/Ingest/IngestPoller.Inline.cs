using Lsb.Hub.Canonical.Identity;
using System.Threading.Channels;
using Lsb.Hub.Installations;
using Serilog.Context;

namespace Lsb.Hub.Ingest;

// Inline ingest (local queues, Ingest:ApplyInline): the worker of an installation reads and translates pages on one
// task and applies them, each in one transaction with its cursor, on a second task; a bounded channel of
// Ingest:MaxPagesInFlight pages lies between them, so reading the next page overlaps applying the last one. Only the
// applier writes the cursor, in page order. See docs/ingest.md.
public sealed partial class IngestPoller
{
    private async Task InlineLoopAsync(Installation installation, CancellationToken cancellationToken)
    {
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var pages = Channel.CreateBounded<ReadPage>(new BoundedChannelOptions(options.Value.MaxPagesInFlight) { SingleReader = true, SingleWriter = true });
            using var applying = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var applier = Task.Run(() => ApplyPagesAsync(installation.Id, pages.Reader, applying), CancellationToken.None);
            var pause = TimeSpan.Zero;
            try
            {
                // Read on from the last cursor applied; pages read but not applied before a failure are read again.
                var cursor = (await cursors.GetAsync(installation.Id, applying.Token))?.Cursor;
                while (true)
                {
                    while (backpressure.InFlight(installation.Id) >= options.Value.MaxPagesInFlight)
                        await Task.Delay(TimeSpan.FromMilliseconds(5), time, applying.Token);
                    var (page, hasMore) = await ReadAndTranslateAsync(installation, cursor, applying.Token);
                    failures = 0;
                    backpressure.PageSent(installation.Id);
                    try
                    {
                        await pages.Writer.WriteAsync(page, applying.Token);
                    }
                    catch
                    {
                        backpressure.PageDone(installation.Id);
                        throw;
                    }
                    cursor = page.NextCursor;
                    if (!hasMore) await Task.Delay(options.Value.PollInterval, time, applying.Token);
                }
            }
            catch (OperationCanceledException) when (applying.IsCancellationRequested)
            {
                // Stopping, or the applier failed (it logged and recorded why).
                if (!cancellationToken.IsCancellationRequested) pause = Backoff(++failures);
            }
            catch (Exception e)
            {
                pause = await PollFailedAsync(installation.Id, e, ++failures, cancellationToken);
            }
            finally
            {
                // What was read is applied before reading again (unless stopping or the applier failed).
                pages.Writer.TryComplete();
                await applier;
                while (pages.Reader.TryRead(out _)) backpressure.PageDone(installation.Id);
            }
            if (cancellationToken.IsCancellationRequested) return;
            if (pause > TimeSpan.Zero)
            {
                try { await Task.Delay(pause, time, cancellationToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    private async Task<(ReadPage Page, bool HasMore)> ReadAndTranslateAsync(Installation installation, string? cursor, CancellationToken cancellationToken)
    {
        // The installation as registered now (see PollOnceAsync).
        var current = await installations.GetAsync(installation.Id, cancellationToken) ?? installation;
        var adapter = adapters.For(current);
        var correlationId = $"poll-{installation.Id}-{Uuid7.New():N}";
        using var _ = LogContext.PushProperty("CorrelationId", correlationId);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var page = await adapter.ReadChangesAsync(cursor, options.Value.PageSize, cancellationToken);
        var translation = PageTranslation.Of(adapter, current, page.Changes);
        if (page.Changes.Count > 0)
            logger.LogDebug("Read {Changes} changes from installation {InstallationId} in {ReadMs:F0} ms, translated in {TranslateMs:F0} ms",
                page.Changes.Count, installation.Id, (clock.Elapsed - translation.Took).TotalMilliseconds, translation.Took.TotalMilliseconds);
        return (new ReadPage(installation.Id, page.Changes, translation, page.NextCursor, correlationId), page.HasMore);
    }

    private async Task ApplyPagesAsync(string installationId, ChannelReader<ReadPage> pages, CancellationTokenSource applying)
    {
        try
        {
            await foreach (var page in pages.ReadAllAsync(applying.Token))
            {
                try
                {
                    // The page read after it, if there is one yet, is decided while this one is written.
                    await inline.ApplyAsync(page, pages.TryPeek(out var next) ? next : null, applying.Token);
                }
                finally
                {
                    backpressure.PageDone(installationId);
                }
            }
        }
        catch (OperationCanceledException) when (applying.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // Neither applied nor handed to the bus (the message store failed too): stop reading; the worker starts
            // again from the last cursor applied after a pause.
            logger.LogError(e, "Ingest of installation {InstallationId} stopped: a page could neither be applied nor put on the bus", installationId);
            await SafeRecordFailureAsync(installationId, $"{e.GetType().Name}: {e.Message}", CancellationToken.None);
            await applying.CancelAsync();
        }
    }
}
