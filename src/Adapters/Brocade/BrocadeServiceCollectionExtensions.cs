using Lsb.Hub.Adapters.Brocade;
using Lsb.Hub.Adapters.Brocade.Mapping;
using Lsb.Hub.Adapters.Mapping;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The Brocade adapter's only entry point.</summary>
public static class BrocadeServiceCollectionExtensions
{
    /// <summary>
    /// Registers an <see cref="Lsb.Hub.Adapters.IIlsAdapterFactory"/> for <c>Vendor.Brocade</c>, with options from
    /// <c>Adapters:Brocade</c> (<see cref="BrocadeAdapterOptions"/>) and mapping tables from <c>Mappings:Path</c>, both
    /// validated at start-up. Each installation registers its endpoint as <c>tcp://host:port/?exports=/path</c> (the SIP2
    /// server and the export folder). The host MUST register an <see cref="Lsb.Hub.Adapters.IInstallationCredentials"/>
    /// giving <c>SipUser</c> and <c>SipPassword</c> (optionally <c>SipLocation</c>, <c>ExportKey</c>) per credentials reference.
    /// </summary>
    public static IServiceCollection AddBrocadeAdapter(this IServiceCollection services)
    {
        services.AddOptions<BrocadeAdapterOptions>().BindConfiguration(BrocadeAdapterOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MappingOptions>().BindConfiguration(MappingOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ILoggerFactory, NullLoggerFactory>();
        services.TryAddSingleton<BrocadeMappings>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Lsb.Hub.Adapters.IIlsAdapterFactory, BrocadeAdapterFactory>());
        return services;
    }
}
