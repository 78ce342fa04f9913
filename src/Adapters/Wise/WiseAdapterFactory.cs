using System.Text.Json;
using Lsb.Hub.Adapters.Wise.Commands;
using Lsb.Hub.Adapters.Wise.Dto;
using Lsb.Hub.Adapters.Wise.Http;
using Lsb.Hub.Adapters.Wise.Mapping;
using Lsb.Hub.Adapters.Wise.Reading;
using Lsb.Hub.Adapters.Wise.Translation;
using Lsb.Hub.Canonical.Installations;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Refit;

namespace Lsb.Hub.Adapters.Wise;

/// <summary>
/// Creates the adapter of a Wise installation, each with its own HTTP client and resilience pipeline (circuit per
/// installation). The connection pool is shared. Credentials are looked up on every call, never stored here.
/// </summary>
internal sealed class WiseAdapterFactory(
    IOptions<WiseAdapterOptions> options,
    IInstallationCredentials credentials,
    WiseMappings mappings,
    WiseConnectionPool pool,
    TimeProvider time) : IIlsAdapterFactory
{
    private static readonly RefitSettings Refit = new(new SystemTextJsonContentSerializer(
        new JsonSerializerOptions { TypeInfoResolver = WiseJsonContext.Default }));

    public Vendor Vendor => Vendor.Wise;

    public IIlsAdapter Create(InstallationDescriptor installation)
    {
        ArgumentNullException.ThrowIfNull(installation);
        if (installation.Vendor != Vendor.Wise)
            throw new ArgumentException($"Installation '{installation.Id}' is a {installation.Vendor} installation, not a Wise one.", nameof(installation));
        var settings = options.Value;
        var circuit = new CircuitBreakerStateProvider();
        var pipeline = WiseResilience.Build(settings, circuit, time);
#pragma warning disable CA2000 // The handlers live as long as the adapter; the shared pool owns the sockets.
        var handler = new WiseResilienceHandler(pipeline)
        {
            InnerHandler = new WiseKeyHandler(installation, credentials, time) { InnerHandler = pool.Handler },
        };
        var client = new HttpClient(handler, disposeHandler: false)
        {
            BaseAddress = new Uri(installation.Endpoint.ToString().TrimEnd('/')),
            Timeout = Timeout.InfiniteTimeSpan,
        };
#pragma warning restore CA2000
        var api = RestService.For<IWiseApi>(client, Refit);
        var connection = new WiseConnection(installation, api, circuit, settings);
        return new WiseAdapter(
            new WiseChangeReader(connection, new WisePatronFetcher(connection)),
            new WiseTranslator(installation.Id.Value, mappings),
            new WiseCommandExecutor(connection, mappings),
            new WiseHealthCheck(connection, time));
    }
}
