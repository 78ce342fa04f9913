using Lsb.Hub.Adapters.Brocade.Commands;
using Lsb.Hub.Adapters.Brocade.Reading;
using Lsb.Hub.Adapters.Brocade.Translation;
using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Canonical.Commands;
using Lsb.Hub.Canonical.Installations;

namespace Lsb.Hub.Adapters.Brocade;

/// <summary>
/// The adapter of one Brocade installation: changes from its batch exports (deltas as they are, full exports diffed
/// with the previous night), circulation and patrons over SIP2. Created by <see cref="BrocadeAdapterFactory"/>.
/// </summary>
internal sealed class BrocadeAdapter(BrocadeConnection connection, BrocadeChangeReader reader, BrocadeTranslator translator, BrocadeCommandExecutor executor,
    BrocadeHealthCheck health) : IIlsAdapter, IAsyncDisposable, IDisposable
{
    /// <summary>No temporary items (SIP2 cannot create copies: <c>ManualActionRequired</c>), no title-level
    /// distinction beyond SIP2 hold types.</summary>
    public static readonly AdapterCapabilities BrocadeCapabilities = new(Vendor.Brocade,
        AdapterFeatures.ChangeFeed | AdapterFeatures.PatronAuthentication | AdapterFeatures.ItemLevelHold | AdapterFeatures.TitleLevelHold
        | AdapterFeatures.CancelHold | AdapterFeatures.Renewal | AdapterFeatures.Circulation,
        "Brocade SIP2 2.00 + batch exports (CSV, ISO 2709)");

    public AdapterCapabilities Capabilities => BrocadeCapabilities;

    public Task<AdapterHealth> CheckHealthAsync(CancellationToken cancellationToken) => health.CheckAsync(cancellationToken);

    public Task<ChangePage> ReadChangesAsync(string? cursor, int maxChanges, CancellationToken cancellationToken)
        => reader.ReadAsync(cursor, maxChanges, cancellationToken);

    public CanonicalChange Translate(VendorChange change) => translator.Translate(change);

    public Task<CommandResult> ExecuteAsync(IlsCommand command, CancellationToken cancellationToken) => executor.ExecuteAsync(command, cancellationToken);

    public ValueTask DisposeAsync() => connection.DisposeAsync();

    /// <summary>The hub's registry disposes adapters synchronously when registrations change; closing sockets does not block.</summary>
    public void Dispose() => connection.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
