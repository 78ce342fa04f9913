using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Canonical.Installations;
using Lsb.Hub.Simulators.VSmart;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Lsb.Hub.Adapters.VSmart.Tests;

/// <summary>The adapter wired the way the hub wires it: configuration, AddVSmartAdapter(), the factory.</summary>
internal sealed class VSmartAdapterHost : IDisposable
{
    private readonly ServiceProvider _services;

    public VSmartAdapterHost(IDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IInstallationCredentials>(Credentials);
        if (time is not null) services.AddSingleton(time);
        services.AddVSmartAdapter();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public InMemoryCredentials Credentials { get; } = new();

    public IIlsAdapterFactory Factory => _services.GetServices<IIlsAdapterFactory>().Single(f => f.Vendor == Vendor.VSmart);

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public static InstallationDescriptor Describe(VSmartInstallationAccess access, string? installationId = null)
        => new(InstallationId.Parse(installationId ?? access.Name), Vendor.VSmart, access.Endpoint, installationId ?? access.Name,
            [.. access.Libraries.Select(l => new LibraryRef(Isil.Parse(l.Isil), l.LibraryId, l.Name))]);

    public IIlsAdapter Create(VSmartInstallationAccess access, string? installationId = null)
    {
        var descriptor = Describe(access, installationId);
        Credentials.Set(descriptor.CredentialsRef, access.Username, access.Password);
        return Factory.Create(descriptor);
    }

    public void Dispose() => _services.Dispose();
}
