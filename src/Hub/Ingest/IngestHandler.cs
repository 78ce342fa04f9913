using Lsb.Hub.AdapterHosting;
using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Installations;
using Serilog.Context;
using Wolverine;

namespace Lsb.Hub.Ingest;

/// <summary>Translates raw changes with the installation's adapter and applies them to the canonical store.</summary>
public sealed class IngestHandler(AdapterRegistry adapters, CanonicalIngest ingest, IngestBackpressure backpressure, InstallationStore installations,
    IForeignCopyReturns foreignReturns, ILogger<IngestHandler> logger)
{
    /// <summary>Applies a page; untranslatable changes, loans to a guest account without a guest loan of the hub, and foreign
    /// copies taken in at a desk (returned at their owner, a call out) are sent on alone as <see cref="IngestChange"/>.</summary>
    public async Task Handle(IngestChangePage page, IMessageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(context);
        using var _ = LogContext.PushProperty("CorrelationId", context.CorrelationId);
        using var __ = LogContext.PushProperty("InstallationId", page.InstallationId);
        try
        {
            var adapter = await adapters.ForAsync(page.InstallationId, cancellationToken);
            var installation = await installations.GetAsync(page.InstallationId, cancellationToken);
            var translation = PageTranslation.Of(adapter, installation, page.Changes);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await SendSplitOffAsync(context, page.InstallationId, translation, null, logger);
            var outcome = await ingest.ApplyAsync(page.InstallationId, translation.Translated, context.CorrelationId, cancellationToken);
            await SendUnattributedAsync(context, page.InstallationId, translation, outcome, null, logger);
            LogPage(logger, page.InstallationId, page.Changes.Count, translation, outcome, clock.Elapsed);
        }
        finally
        {
            backpressure.PageDone(page.InstallationId);
        }
    }

    /// <summary>Sends the changes that could not be translated (to fail visibly) and the foreign copies taken in on alone.</summary>
    internal static async Task SendSplitOffAsync(IMessageBus bus, string installationId, PageTranslation translation, string? correlationId, ILogger logger)
    {
        foreach (var (change, error) in translation.Failed)
        {
            logger.LogWarning("Change {SourceEventId} ({Feed} {LocalId}) could not be translated and goes on alone to fail visibly: {Error}",
                change.SourceEventId, change.Feed, change.LocalId, error.Message);
            await PageTranslation.SendAloneAsync(bus, translation.Installation, installationId, change, correlationId);
        }
        foreach (var change in translation.Foreign) await PageTranslation.SendAloneAsync(bus, translation.Installation, installationId, change, correlationId);
    }

    /// <summary>Sends the loans to a guest account that no guest loan of the hub explains on alone: retried for some
    /// seconds (the hub may be recording the guest loan right now), then they fail visibly.</summary>
    internal static async Task SendUnattributedAsync(IMessageBus bus, string installationId, PageTranslation translation, IngestOutcome outcome,
        string? correlationId, ILogger logger)
    {
        foreach (var loan in outcome.Unattributed)
        {
            LogUnattributed(logger, loan, installationId);
            await PageTranslation.SendAloneAsync(bus, translation.Installation, installationId, translation.RawOf(loan.Change), correlationId);
        }
    }

    internal static void LogPage(ILogger logger, string installationId, int changes, PageTranslation translation, IngestOutcome outcome, TimeSpan apply)
        => logger.LogInformation("Ingested page of {Changes} changes of {InstallationId}: {Events} events, {Skipped} duplicates or stale, {Failed} split off, {Unattributed} guest-account loans split off, {Foreign} foreign copies taken in split off, {NotBound} of libraries not bound to the installation; log at {Position} (translate {TranslateMs:F0} ms, apply {ApplyMs:F0} ms)",
            changes, installationId, outcome.Events, outcome.Skipped, translation.Failed.Count, outcome.Unattributed.Count, translation.Foreign.Count, translation.NotBound,
            outcome.LastPosition, translation.Took.TotalMilliseconds, apply.TotalMilliseconds);

    private static void LogUnattributed(ILogger logger, UnattributedGuestAccountLoan loan, string installationId)
        => logger.LogInformation("Loan {LocalId} of installation {InstallationId} is to guest account {GuestAccount}, and no guest loan of the hub matches it: " +
            "not recorded; it fails visibly unless the guest loan is recorded", loan.Change.LocalId, installationId, loan.GuestAccount);

    /// <summary>Applies one change, or returns a foreign copy taken in at a desk (<see cref="IForeignCopyReturns"/>); a translation
    /// failure, a return that did not happen, or a loan to a guest account that no guest loan of the hub explains,
    /// fails the message (and sends it to the failed-message store).</summary>
    public async Task Handle(IngestChange message, IMessageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        using var _ = LogContext.PushProperty("CorrelationId", context.CorrelationId);
        using var __ = LogContext.PushProperty("InstallationId", message.InstallationId);
        var adapter = await adapters.ForAsync(message.InstallationId, cancellationToken);
        var translated = adapter.Translate(message.Change);
        if (translated is ForeignCopyReturned returned)
        {
            await foreignReturns.ReturnAsync(message.InstallationId, returned, context.CorrelationId, cancellationToken);
            return;
        }
        var outcome = await ingest.ApplyAsync(message.InstallationId, [translated], context.CorrelationId, cancellationToken);
        if (outcome.Unattributed is [var loan, ..])
        {
            LogUnattributed(logger, loan, message.InstallationId);
            throw new UnattributedGuestAccountLoanException(loan.Describe(message.InstallationId));
        }
        logger.LogInformation("Ingested change {SourceEventId}: {Events} events, {Skipped} duplicates or stale",
            message.Change.SourceEventId, outcome.Events, outcome.Skipped);
    }
}
