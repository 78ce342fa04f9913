using Serilog.Context;
using Wolverine;

namespace Lsb.Hub.Ingest;

/// <summary>
/// Applies a page in the process that read it (the embedded default, local queues): its changes, its split-off
/// messages and its new cursor in ONE transaction, without the page travelling through the bus's durable inbox.
/// The vendor's feed is the durable copy: a crash before the commit re-reads the page from the saved cursor. A page
/// that cannot be applied here goes on the bus as <see cref="IngestChangePage"/>, whose retry policy and failed-message
/// store take over, exactly as with a broker. See docs/ingest.md.
/// </summary>
public sealed class InlinePageApplier(CanonicalIngest ingest, IngestCursorStore cursors, IMessageBus messages, IngestBackpressure backpressure,
    ILogger<InlinePageApplier> logger)
{
    /// <summary>Applies <paramref name="page"/> and moves the installation's cursor past it.</summary>
    public Task ApplyAsync(ReadPage page, CancellationToken cancellationToken) => ApplyAsync(page, null, cancellationToken);

    /// <summary>Applies <paramref name="page"/> and moves the installation's cursor past it; <paramref name="next"/>, the page
    /// read after it (if any yet), may be decided while this one is written.</summary>
    public async Task ApplyAsync(ReadPage page, ReadPage? next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        using var _ = LogContext.PushProperty("CorrelationId", page.CorrelationId);
        using var __ = LogContext.PushProperty("InstallationId", page.InstallationId);
        try
        {
            if (page.Changes.Count == 0)
            {
                await cursors.SaveSuccessAsync(page.InstallationId, page.NextCursor, 0, cancellationToken);
                return;
            }
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var outcome = await ingest.ApplyAsync(page.InstallationId, page.Translation.Translated, page.CorrelationId, async (decided, connection, transaction, ct) =>
            {
                // Sent before the commit (they are durable in the message store at once): a crash after the commit
                // cannot lose them; a failed commit re-applies the page and sends them again, which changes nothing.
                await IngestHandler.SendSplitOffAsync(messages, page.InstallationId, page.Translation, page.CorrelationId, logger);
                await IngestHandler.SendUnattributedAsync(messages, page.InstallationId, page.Translation, decided, page.CorrelationId, logger);
                await cursors.SaveSuccessAsync(connection, transaction, page.InstallationId, page.NextCursor, page.Changes.Count, ct);
            }, next?.Translation.Translated, cancellationToken);
            IngestHandler.LogPage(logger, page.InstallationId, page.Changes.Count, page.Translation, outcome, clock.Elapsed);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "A page of {Changes} changes of installation {InstallationId} could not be applied where it was read; it goes on the bus, " +
                "which retries it and, if it keeps failing, keeps it in the failed-message store", page.Changes.Count, page.InstallationId);
            await SendToBusAsync(page, cancellationToken);
        }
    }

    private async Task SendToBusAsync(ReadPage page, CancellationToken cancellationToken)
    {
        await IngestDelivery.SendPageAsync(messages, backpressure, page.Translation.Installation, page.InstallationId, page.Changes, page.CorrelationId);
        await cursors.SaveSuccessAsync(page.InstallationId, page.NextCursor, page.Changes.Count, cancellationToken);
    }
}
