using Lsb.Hub.Adapters.Mapping;
using Lsb.Hub.Adapters.Wise;
using Lsb.Hub.Adapters.Wise.Http;
using Lsb.Hub.Adapters.Wise.Mapping;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The Wise adapter's only entry point.</summary>
public static class WiseServiceCollectionExtensions
{
    /// <summary>
    /// Registers an <see cref="Lsb.Hub.Adapters.IIlsAdapterFactory"/> for <c>Vendor.Wise</c>, with options from
    /// <c>Adapters:Wise</c> (<see cref="WiseAdapterOptions"/>) and mapping tables from <c>Mappings:Path</c>, both
    /// validated at start-up. The host MUST register an <see cref="Lsb.Hub.Adapters.IInstallationCredentials"/> that
    /// gives <c>AppId</c> and <c>AppKey</c> for each Wise installation's credentials reference.
    /// </summary>
    public static IServiceCollection AddWiseAdapter(this IServiceCollection services)
    {
        services.AddOptions<WiseAdapterOptions>().BindConfiguration(WiseAdapterOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MappingOptions>().BindConfiguration(MappingOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WiseMappings>();
        services.TryAddSingleton<WiseConnectionPool>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Lsb.Hub.Adapters.IIlsAdapterFactory, WiseAdapterFactory>());
        return services;
    }
}
