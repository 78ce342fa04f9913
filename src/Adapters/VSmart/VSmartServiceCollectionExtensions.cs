using Lsb.Hub.Adapters.Mapping;
using Lsb.Hub.Adapters.VSmart;
using Lsb.Hub.Adapters.VSmart.Http;
using Lsb.Hub.Adapters.VSmart.Mapping;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The V-smart adapter's only entry point.</summary>
public static class VSmartServiceCollectionExtensions
{
    /// <summary>
    /// Registers an <see cref="Lsb.Hub.Adapters.IIlsAdapterFactory"/> for <c>Vendor.VSmart</c>, with options from
    /// <c>Adapters:VSmart</c> (<see cref="VSmartAdapterOptions"/>) and mapping tables from <c>Mappings:Path</c>, both
    /// validated at start-up. The host MUST register an <see cref="Lsb.Hub.Adapters.IInstallationCredentials"/> that
    /// gives <c>Username</c> and <c>Password</c> for each V-smart installation's credentials reference. An installation's
    /// registered endpoint is its base address; OAI-PMH, NCIP and the web services are at the sub-paths in the options.
    /// </summary>
    public static IServiceCollection AddVSmartAdapter(this IServiceCollection services)
    {
        services.AddOptions<VSmartAdapterOptions>().BindConfiguration(VSmartAdapterOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MappingOptions>().BindConfiguration(MappingOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<VSmartMappings>();
        services.TryAddSingleton<VSmartConnectionPool>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Lsb.Hub.Adapters.IIlsAdapterFactory, VSmartAdapterFactory>());
        return services;
    }
}
