using Lsb.Hub.Adapters.VSmart.Commands;
using Lsb.Hub.Adapters.VSmart.Http;
using Lsb.Hub.Adapters.VSmart.Mapping;
using Lsb.Hub.Adapters.VSmart.Ncip;
using Lsb.Hub.Adapters.VSmart.Reading;
using Lsb.Hub.Adapters.VSmart.Translation;
using Lsb.Hub.Canonical.Installations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Refit;

namespace Lsb.Hub.Adapters.VSmart;

/// <summary>
/// Creates the adapter of a V-smart installation, each with its own HTTP client and resilience pipeline (circuit per
/// installation). The connection pool is shared. Credentials are looked up on every call, never stored here.
/// </summary>
internal sealed class VSmartAdapterFactory(
    IOptions<VSmartAdapterOptions> options,
    IInstallationCredentials credentials,
    VSmartMappings mappings,
    VSmartConnectionPool pool,
    TimeProvider time,
    ILoggerFactory? loggers = null) : IIlsAdapterFactory
{
    public Vendor Vendor => Vendor.VSmart;

    public IIlsAdapter Create(InstallationDescriptor installation)
    {
        ArgumentNullException.ThrowIfNull(installation);
        if (installation.Vendor != Vendor.VSmart)
            throw new ArgumentException($"Installation '{installation.Id}' is a {installation.Vendor} installation, not a V-smart one.", nameof(installation));
        var settings = options.Value;
        var circuit = new CircuitBreakerStateProvider();
        var pipeline = VSmartResilience.Build(settings, circuit, time);
#pragma warning disable CA2000 // The handlers live as long as the adapter; the shared pool owns the sockets.
        var handler = new VSmartResilienceHandler(pipeline)
        {
            InnerHandler = new VSmartCredentialsHandler(installation, credentials) { InnerHandler = pool.Handler },
        };
        var client = new HttpClient(handler, disposeHandler: false)
        {
            BaseAddress = new Uri(installation.Endpoint.ToString().TrimEnd('/')),
            Timeout = Timeout.InfiniteTimeSpan,
        };
#pragma warning restore CA2000
        var connection = new VSmartConnection(installation, RestService.For<IVSmartApi>(client), circuit, settings);
        var logger = (loggers ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).CreateLogger("Lsb.Hub.Adapters.VSmart");
        return new VSmartAdapter(
            new VSmartChangeReader(connection, new HoldingsHarvester(connection, logger), new ChangeFeedReader(connection)),
            new VSmartTranslator(installation.Id.Value, mappings),
            new VSmartCommandExecutor(new NcipClient(connection), mappings, connection),
            new VSmartHealthCheck(connection, time));
    }
}
