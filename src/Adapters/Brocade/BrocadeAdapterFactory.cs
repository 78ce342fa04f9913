using Lsb.Hub.Adapters.Brocade.Commands;
using Lsb.Hub.Adapters.Brocade.Mapping;
using Lsb.Hub.Adapters.Brocade.Reading;
using Lsb.Hub.Adapters.Brocade.Translation;
using Lsb.Hub.Canonical.Installations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lsb.Hub.Adapters.Brocade;

/// <summary>
/// Creates the adapter of a Brocade installation, each with its own SIP2 connection pool, resilience pipeline (circuit
/// per installation) and state folder. Credentials are looked up on every use, never stored here.
/// </summary>
internal sealed class BrocadeAdapterFactory(
    IOptions<BrocadeAdapterOptions> options,
    IInstallationCredentials credentials,
    BrocadeMappings mappings,
    ILoggerFactory loggers,
    TimeProvider time) : IIlsAdapterFactory
{
    public Vendor Vendor => Vendor.Brocade;

    public IIlsAdapter Create(InstallationDescriptor installation)
    {
        ArgumentNullException.ThrowIfNull(installation);
        if (installation.Vendor != Vendor.Brocade)
            throw new ArgumentException($"Installation '{installation.Id}' is a {installation.Vendor} installation, not a Brocade one.", nameof(installation));
        var settings = options.Value;
#pragma warning disable CA2000 // The connection lives as long as the adapter, which disposes it.
        var connection = new BrocadeConnection(installation, settings, credentials, time);
#pragma warning restore CA2000
        var state = new StateFolder(settings.StateDirectory, installation.Id.Value);
        return new BrocadeAdapter(connection,
            new BrocadeChangeReader(connection, state, time, loggers.CreateLogger<BrocadeChangeReader>()),
            new BrocadeTranslator(installation.Id.Value, mappings),
            new BrocadeCommandExecutor(connection, mappings, time),
            new BrocadeHealthCheck(connection, time));
    }
}
