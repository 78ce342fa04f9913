using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Canonical.Installations;
using Lsb.Hub.Simulators.Wise;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Lsb.Hub.Adapters.Wise.Tests;

/// <summary>The adapter wired the way the hub wires it: configuration, AddWiseAdapter(), the factory.</summary>
internal sealed class WiseAdapterHost : IDisposable
{
    private readonly ServiceProvider _services;

    public WiseAdapterHost(IDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IInstallationCredentials>(Credentials);
        if (time is not null) services.AddSingleton(time);
        services.AddWiseAdapter();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public InMemoryCredentials Credentials { get; } = new();

    public IIlsAdapterFactory Factory => _services.GetServices<IIlsAdapterFactory>().Single(f => f.Vendor == Vendor.Wise);

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public static InstallationDescriptor Describe(WiseInstallationAccess access, string? installationId = null)
        => new(InstallationId.Parse(installationId ?? access.Name), Vendor.Wise, access.Endpoint, installationId ?? access.Name,
            [.. access.Libraries.Select(l => new LibraryRef(Isil.Parse(l.Isil), l.LibraryId, l.Name))]);

    public IIlsAdapter Create(WiseInstallationAccess access, string? installationId = null)
    {
        var descriptor = Describe(access, installationId);
        Credentials.Set(descriptor.CredentialsRef, access.AppId, access.AppKey);
        return Factory.Create(descriptor);
    }

    public void Dispose() => _services.Dispose();
}
