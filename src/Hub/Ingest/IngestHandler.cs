using Lsb.Hub.AdapterHosting;
using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.FailedMessages.Stamping;
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
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var adapter = await adapters.ForAsync(page.InstallationId, cancellationToken);
            var installation = await installations.GetAsync(page.InstallationId, cancellationToken);
            var translated = new List<CanonicalChange>(page.Changes.Count);
            var raw = new Dictionary<CanonicalChange, VendorChange>(ReferenceEqualityComparer.Instance);
            var failed = new List<(VendorChange Change, Exception Error)>();
            var foreign = new List<VendorChange>();
            var notBound = 0;
            foreach (var change in page.Changes)
            {
                // A library's changes count only from the installation it is bound to (or leaving, during a move's
                // overlap). An installation-wide feed also carries libraries the hub does not serve through it, e.g. a
                // library's data migrated into its new installation before the cut-over (Consolidation).
                if (!IsBound(installation, change))
                {
                    notBound++;
                    continue;
                }
                try
                {
                    var canonical = adapter.Translate(change);
                    if (canonical is ForeignCopyReturned)
                    {
                        foreign.Add(change);
                        continue;
                    }
                    translated.Add(canonical);
                    raw[canonical] = change;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failed.Add((change, e));
                }
            }
            var translatedAfter = clock.Elapsed;
            var outcome = await ingest.ApplyAsync(page.InstallationId, translated, context.CorrelationId, cancellationToken);
            var appliedAfter = clock.Elapsed;
            foreach (var (change, error) in failed)
            {
                logger.LogWarning("Change {SourceEventId} ({Feed} {LocalId}) could not be translated and goes on alone to fail visibly: {Error}",
                    change.SourceEventId, change.Feed, change.LocalId, error.Message);
                await SendAloneAsync(context, installation, page.InstallationId, change);
            }
            foreach (var change in foreign) await SendAloneAsync(context, installation, page.InstallationId, change);
            foreach (var loan in outcome.Unattributed)
            {
                // Alone, it is retried for some seconds (the hub may be recording the guest loan right now), then fails visibly.
                LogUnattributed(loan, page.InstallationId);
                await SendAloneAsync(context, installation, page.InstallationId, raw[loan.Change]);
            }
            logger.LogInformation("Ingested page of {Changes} changes: {Events} events, {Skipped} duplicates or stale, {Failed} split off, {Unattributed} guest-account loans split off, {Foreign} foreign copies taken in split off, {NotBound} of libraries not bound to the installation; log at {Position} (translate {TranslateMs:F0} ms, apply {ApplyMs:F0} ms)",
                page.Changes.Count, outcome.Events, outcome.Skipped, failed.Count, outcome.Unattributed.Count, foreign.Count, notBound, outcome.LastPosition,
                translatedAfter.TotalMilliseconds, (appliedAfter - translatedAfter).TotalMilliseconds);
        }
        finally
        {
            backpressure.PageDone(page.InstallationId);
        }
    }

    private static async Task SendAloneAsync(IMessageContext context, Installation? installation, string installationId, VendorChange change)
    {
        var delivery = installation is null ? null : new DeliveryOptions().WithOrigin(installation.Descriptor, change.VendorLibraryId);
        await context.SendAsync(new IngestChange(installationId, change), delivery);
    }

    private void LogUnattributed(UnattributedGuestAccountLoan loan, string installationId)
        => logger.LogInformation("Loan {LocalId} of installation {InstallationId} is to guest account {GuestAccount}, and no guest loan of the hub matches it: " +
            "not recorded; it fails visibly unless the guest loan is recorded", loan.Change.LocalId, installationId, loan.GuestAccount);

    private static bool IsBound(Installation? installation, VendorChange change)
        => change.VendorLibraryId is null || installation is null || installation.Descriptor.Libraries.Count == 0
           || installation.Descriptor.Libraries.Any(l => string.Equals(l.VendorLibraryId, change.VendorLibraryId, StringComparison.Ordinal));

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
            LogUnattributed(loan, message.InstallationId);
            throw new UnattributedGuestAccountLoanException(loan.Describe(message.InstallationId));
        }
        logger.LogInformation("Ingested change {SourceEventId}: {Events} events, {Skipped} duplicates or stale",
            message.Change.SourceEventId, outcome.Events, outcome.Skipped);
    }
}
