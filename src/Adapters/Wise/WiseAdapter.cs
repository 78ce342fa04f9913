using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Adapters.Wise.Commands;
using Lsb.Hub.Adapters.Wise.Reading;
using Lsb.Hub.Adapters.Wise.Translation;
using Lsb.Hub.Canonical.Commands;
using Lsb.Hub.Canonical.Installations;

namespace Lsb.Hub.Adapters.Wise;

/// <summary>
/// The adapter of one OCLC Wise installation: reads its patron, item and loan feeds, translates them with
/// <c>mappings/wise/</c> and carries out commands through its REST API. Created by <see cref="WiseAdapterFactory"/>.
/// </summary>
internal sealed class WiseAdapter(WiseChangeReader reader, WiseTranslator translator, WiseCommandExecutor executor, WiseHealthCheck health) : IIlsAdapter
{
    public static readonly AdapterCapabilities WiseCapabilities = new(Vendor.Wise,
        AdapterFeatures.ChangeFeed | AdapterFeatures.PatronAuthentication | AdapterFeatures.ItemLevelHold | AdapterFeatures.TitleLevelHold
        | AdapterFeatures.CancelHold | AdapterFeatures.TemporaryItems | AdapterFeatures.Renewal | AdapterFeatures.Circulation,
        "Wise REST/JSON");

    public AdapterCapabilities Capabilities => WiseCapabilities;

    public Task<AdapterHealth> CheckHealthAsync(CancellationToken cancellationToken) => health.CheckAsync(cancellationToken);

    public Task<ChangePage> ReadChangesAsync(string? cursor, int maxChanges, CancellationToken cancellationToken)
        => reader.ReadAsync(cursor, maxChanges, cancellationToken);

    public CanonicalChange Translate(VendorChange change) => translator.Translate(change);

    public Task<CommandResult> ExecuteAsync(IlsCommand command, CancellationToken cancellationToken) => executor.ExecuteAsync(command, cancellationToken);
}
