using Lsb.Hub.Adapters;
using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Installations;
using Wolverine;

namespace Lsb.Hub.Ingest;

/// <summary>
/// A page of raw changes translated with the installation's adapter: what goes to the canonical store in one
/// transaction, and what is split off to go on alone as <see cref="IngestChange"/> (a change that cannot be
/// translated, to fail visibly; a foreign copy taken in at a desk, a call out to its owner). Shared by the bus's page
/// handler and the poller's inline apply.
/// </summary>
public sealed class PageTranslation
{
    // The raw change of each translated one, index for index; looked up by change only for the rare change sent on alone.
    private readonly List<VendorChange> _raw = [];
    private Dictionary<CanonicalChange, VendorChange>? _rawByChange;

    private PageTranslation(Installation? installation) => Installation = installation;

    /// <summary>The installation as registered when the page was translated (null if it is gone).</summary>
    public Installation? Installation { get; }

    /// <summary>The translated changes, oldest first.</summary>
    public List<CanonicalChange> Translated { get; } = [];

    /// <summary>Changes the adapter could not translate, with why.</summary>
    public List<(VendorChange Change, Exception Error)> Failed { get; } = [];

    /// <summary>Foreign copies taken in at a desk, returned at their owner alone.</summary>
    public List<VendorChange> Foreign { get; } = [];

    /// <summary>Changes of libraries not bound to the installation, left out.</summary>
    public int NotBound { get; private set; }

    /// <summary>How long the translation took.</summary>
    public TimeSpan Took { get; private set; }

    /// <summary>The raw change a translated change came from.</summary>
    public VendorChange RawOf(CanonicalChange change)
    {
        if (_rawByChange is null)
        {
            _rawByChange = new Dictionary<CanonicalChange, VendorChange>(Translated.Count, ReferenceEqualityComparer.Instance);
            for (var i = 0; i < Translated.Count; i++) _rawByChange[Translated[i]] = _raw[i];
        }
        return _rawByChange[change];
    }

    /// <summary>Translates <paramref name="changes"/> (oldest first).</summary>
    public static PageTranslation Of(IIlsAdapter adapter, Installation? installation, IReadOnlyList<VendorChange> changes)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(changes);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var page = new PageTranslation(installation);
        page.Translated.Capacity = changes.Count;
        page._raw.Capacity = changes.Count;
        // A library's changes count only from the installation it is bound to (or leaving, during a move's overlap). An
        // installation-wide feed also carries libraries the hub does not serve through it, e.g. a library's data migrated
        // into its new installation before the cut-over (Consolidation). Null: every library counts.
        var bound = installation is null || installation.Descriptor.Libraries.Count == 0
            ? null
            : installation.Descriptor.Libraries.Select(l => l.VendorLibraryId).ToHashSet(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            if (bound is not null && change.VendorLibraryId is { } library && !bound.Contains(library))
            {
                page.NotBound++;
                continue;
            }
            try
            {
                var canonical = adapter.Translate(change);
                if (canonical is ForeignCopyReturned)
                {
                    page.Foreign.Add(change);
                    continue;
                }
                page.Translated.Add(canonical);
                page._raw.Add(change);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                page.Failed.Add((change, e));
            }
        }
        page.Took = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        return page;
    }

    /// <summary>Sends one raw change on alone, stamped with where it came from (failed-message grouping).</summary>
    public static async Task SendAloneAsync(IMessageBus bus, Installation? installation, string installationId, VendorChange change, string? correlationId)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(change);
        await bus.SendAsync(new IngestChange(installationId, change), IngestDelivery.ForChange(installation, change, correlationId));
    }
}
