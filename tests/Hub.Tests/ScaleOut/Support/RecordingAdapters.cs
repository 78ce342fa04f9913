using Lsb.Hub.Adapters;
using Microsoft.Extensions.DependencyInjection;

namespace Lsb.Hub.Tests.ScaleOut.Support;

/// <summary>
/// Makes every vendor adapter of one hub node record its change-feed reads under <paramref name="node"/>. The hub
/// registers the vendors' factories after a test's own registrations, so the swap is made when the container is built:
/// each factory moves under a service key and a <see cref="RecordingAdapterFactory"/> takes its place.
/// </summary>
public sealed class RecordingAdapters(string node, PageReads reads) : IServiceProviderFactory<IServiceCollection>
{
    private readonly DefaultServiceProviderFactory _inner = new();
    private readonly List<RecordingAdapterFactory> _factories = [];

    public IServiceCollection CreateBuilder(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        foreach (var vendor in services.Where(d => d.ServiceType == typeof(IIlsAdapterFactory) && !d.IsKeyedService).ToList())
        {
            var factory = new RecordingAdapterFactory($"recorded-{_factories.Count}", node, reads);
            services.Remove(vendor);
            services.Add(new ServiceDescriptor(typeof(IIlsAdapterFactory), factory.Key, vendor.ImplementationType!, ServiceLifetime.Singleton));
            services.AddSingleton<IIlsAdapterFactory>(factory);
            _factories.Add(factory);
        }
        return _inner.CreateBuilder(services);
    }

    public IServiceProvider CreateServiceProvider(IServiceCollection containerBuilder)
    {
        var provider = _inner.CreateServiceProvider(containerBuilder);
        foreach (var factory in _factories) factory.Inner = provider.GetRequiredKeyedService<IIlsAdapterFactory>(factory.Key);
        return provider;
    }
}
