using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Canonical.Commands;

namespace Lsb.Hub.Adapters;

/// <summary>
/// One library-system installation, as the hub sees it. Every vendor implements this interface and nothing else
/// is visible to the hub. Vendor field names and codes NEVER leave the adapter: the hub sees opaque
/// <see cref="VendorChange"/> payloads and canonical values.
/// </summary>
public interface IIlsAdapter
{
    /// <summary>What this installation can do; the hub MUST check it before choosing a workflow.</summary>
    AdapterCapabilities Capabilities { get; }

    /// <summary>Checks that the installation answers and accepts the hub's credentials. MUST NOT throw for an
    /// unreachable installation: it reports it.</summary>
    Task<AdapterHealth> CheckHealthAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Reads up to <paramref name="maxChanges"/> changes after <paramref name="cursor"/> (null: from the start).
    /// The changes are raw: <see cref="Translate"/> turns each into canonical terms. Reading MUST be repeatable:
    /// the same cursor gives the same changes with the same <see cref="VendorChange.SourceEventId"/>s, so a page
    /// read twice (after a crash) is deduplicated downstream. Transient faults throw <see cref="IlsUnavailableException"/>.
    /// </summary>
    Task<ChangePage> ReadChangesAsync(string? cursor, int maxChanges, CancellationToken cancellationToken);

    /// <summary>
    /// Translates one raw change into canonical terms with the installation's mapping tables. An unmapped vendor
    /// code throws <see cref="MappingMissingException"/> naming the file and the value to add; a value is NEVER guessed.
    /// MUST be a pure function of the change and the mapping tables, so a failed change can be replayed after the
    /// mapping is fixed.
    /// </summary>
    CanonicalChange Translate(VendorChange change);

    /// <summary>Carries out a canonical command. Business refusals are results, not exceptions.</summary>
    Task<CommandResult> ExecuteAsync(IlsCommand command, CancellationToken cancellationToken);
}
