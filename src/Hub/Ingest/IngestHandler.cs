using Lsb.Hub.AdapterHosting;
using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.FailedMessages.Stamping;
using Lsb.Hub.Installations;
using Serilog.Context;
using Wolverine;

namespace Lsb.Hub.Ingest;

/// <summary>Translates raw changes with the installation's adapter and applies them to the canonical store.</summary>
public sealed class IngestHandler(AdapterRegistry adapters, CanonicalIngest ingest, IngestBackpressure backpressure, InstallationStore installations, ILogger<IngestHandler> logger)
{
    /// <summary>Applies a page; untranslatable changes are sent on alone as <see cref="IngestChange"/>.</summary>
    public async Task Handle(IngestChangePage page, IMessageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(context);
        using var _ = LogContext.PushProperty("CorrelationId", context.CorrelationId);
        using var __ = LogContext.PushProperty("InstallationId", page.InstallationId);
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var adapter = await adapters.ForAsync(page.InstallationId, cancellationToken);
            var translated = new List<CanonicalChange>(page.Changes.Count);
            var failed = new List<(VendorChange Change, Exception Error)>();
            foreach (var change in page.Changes)
            {
                try
                {
                    translated.Add(adapter.Translate(change));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failed.Add((change, e));
                }
            }
            var translatedAfter = clock.Elapsed;
            var outcome = await ingest.ApplyAsync(page.InstallationId, translated, context.CorrelationId, cancellationToken);
            var appliedAfter = clock.Elapsed;
            var installation = failed.Count > 0 ? await installations.GetAsync(page.InstallationId, cancellationToken) : null;
            foreach (var (change, error) in failed)
            {
                logger.LogWarning("Change {SourceEventId} ({Feed} {LocalId}) could not be translated and goes on alone to fail visibly: {Error}",
                    change.SourceEventId, change.Feed, change.LocalId, error.Message);
                var delivery = installation is null ? null : new DeliveryOptions().WithOrigin(installation.Descriptor, change.VendorLibraryId);
                await context.SendAsync(new IngestChange(page.InstallationId, change), delivery);
            }
            logger.LogInformation("Ingested page of {Changes} changes: {Events} events, {Skipped} duplicates or stale, {Failed} split off; log at {Position} (translate {TranslateMs:F0} ms, apply {ApplyMs:F0} ms)",
                page.Changes.Count, outcome.Events, outcome.Skipped, failed.Count, outcome.LastPosition,
                translatedAfter.TotalMilliseconds, (appliedAfter - translatedAfter).TotalMilliseconds);
        }
        finally
        {
            backpressure.PageDone(page.InstallationId);
        }
    }

    /// <summary>Applies one change; a translation failure fails the message (and sends it to the failed-message store).</summary>
    public async Task Handle(IngestChange message, IMessageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        using var _ = LogContext.PushProperty("CorrelationId", context.CorrelationId);
        using var __ = LogContext.PushProperty("InstallationId", message.InstallationId);
        var adapter = await adapters.ForAsync(message.InstallationId, cancellationToken);
        var translated = adapter.Translate(message.Change);
        var outcome = await ingest.ApplyAsync(message.InstallationId, [translated], context.CorrelationId, cancellationToken);
        logger.LogInformation("Ingested change {SourceEventId}: {Events} events, {Skipped} duplicates or stale",
            message.Change.SourceEventId, outcome.Events, outcome.Skipped);
    }
}
