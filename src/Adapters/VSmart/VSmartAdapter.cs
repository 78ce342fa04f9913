using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Adapters.VSmart.Commands;
using Lsb.Hub.Adapters.VSmart.Reading;
using Lsb.Hub.Adapters.VSmart.Translation;
using Lsb.Hub.Canonical.Commands;
using Lsb.Hub.Canonical.Installations;

namespace Lsb.Hub.Adapters.VSmart;

/// <summary>
/// The adapter of one Infor V-smart installation: harvests its OAI-PMH sets and reads its borrower and loan feeds,
/// translates them with <c>mappings/vsmart/</c> and carries out commands through NCIP 2.02. Created by
/// <see cref="VSmartAdapterFactory"/>.
/// </summary>
internal sealed class VSmartAdapter(VSmartChangeReader reader, VSmartTranslator translator, VSmartCommandExecutor executor, VSmartHealthCheck health) : IIlsAdapter
{
    public static readonly AdapterCapabilities VSmartCapabilities = new(Vendor.VSmart,
        AdapterFeatures.ChangeFeed | AdapterFeatures.PatronAuthentication | AdapterFeatures.ItemLevelHold | AdapterFeatures.TitleLevelHold
        | AdapterFeatures.CancelHold | AdapterFeatures.TemporaryItems | AdapterFeatures.Renewal | AdapterFeatures.Circulation,
        "V-smart OAI-PMH 2.0 (MARCXML), NCIP 2.02, borrower web services (XML)");

    public AdapterCapabilities Capabilities => VSmartCapabilities;

    public Task<AdapterHealth> CheckHealthAsync(CancellationToken cancellationToken) => health.CheckAsync(cancellationToken);

    public Task<ChangePage> ReadChangesAsync(string? cursor, int maxChanges, CancellationToken cancellationToken)
        => reader.ReadAsync(cursor, maxChanges, cancellationToken);

    public CanonicalChange Translate(VendorChange change) => translator.Translate(change);

    public Task<CommandResult> ExecuteAsync(IlsCommand command, CancellationToken cancellationToken) => executor.ExecuteAsync(command, cancellationToken);
}
