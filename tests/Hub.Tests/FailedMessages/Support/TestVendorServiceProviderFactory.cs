using Lsb.Hub.Adapters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lsb.Hub.Tests.FailedMessages.Support;

/// <summary>
/// Makes the test vendor the hub's only adapter. The hub registers the real vendors' adapters after a test's own
/// registrations, so the swap is made where the service collection is complete: when the container is built.
/// </summary>
public sealed class TestVendorServiceProviderFactory(TestVendorFeed feed) : IServiceProviderFactory<IServiceCollection>
{
    private readonly DefaultServiceProviderFactory _inner = new();

    public IServiceCollection CreateBuilder(IServiceCollection services)
    {
        services.RemoveAll<IIlsAdapterFactory>();
        services.AddSingleton(feed);
        services.AddSingleton<IIlsAdapterFactory, TestVendorAdapterFactory>();
        return _inner.CreateBuilder(services);
    }

    public IServiceProvider CreateServiceProvider(IServiceCollection containerBuilder) => _inner.CreateServiceProvider(containerBuilder);
}
