using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Canonical.Installations;
using Lsb.Hub.Simulators.Brocade;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Lsb.Hub.Adapters.Brocade.Tests;

/// <summary>The adapter wired the way the hub wires it (configuration, AddBrocadeAdapter(), the factory), with its own state folder.</summary>
internal sealed class BrocadeAdapterHost : IDisposable
{
    private readonly ServiceProvider _services;

    public BrocadeAdapterHost(IDictionary<string, string?>? settings = null)
    {
        StateDirectory = Path.Combine(Path.GetTempPath(), "lsb-brocade-state", Guid.NewGuid().ToString("N"));
        var config = new Dictionary<string, string?>
        {
            ["Adapters:Brocade:StateDirectory"] = StateDirectory,
            ["Adapters:Brocade:LedgerSize"] = "4096",
            ["Adapters:Brocade:AttemptTimeout"] = "00:00:05",
            ["Adapters:Brocade:RetryBaseDelay"] = "00:00:00.020",
        };
        if (settings is not null) foreach (var (k, v) in settings) config[k] = v;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(config).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IInstallationCredentials>(Credentials);
        services.AddBrocadeAdapter();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public string StateDirectory { get; }

    public InMemoryCredentials Credentials { get; } = new();

    public IIlsAdapterFactory Factory => _services.GetServices<IIlsAdapterFactory>().Single(f => f.Vendor == Vendor.Brocade);

    public static InstallationDescriptor Describe(BrocadeInstallationAccess access, string? installationId = null)
        => new(InstallationId.Parse(installationId ?? access.Name), Vendor.Brocade, access.Endpoint, installationId ?? access.Name,
            [.. access.Libraries.Select(l => new LibraryRef(Isil.Parse(l.Isil), l.LibraryCode, l.Name))]);

    public IIlsAdapter Create(BrocadeInstallationAccess access, string? installationId = null)
    {
        var descriptor = Describe(access, installationId);
        if (Credentials.Find(descriptor.CredentialsRef) is null) Credentials.Set(descriptor.CredentialsRef, access.SipUser, access.SipPassword, access.ExportKey);
        return Factory.Create(descriptor);
    }

    public void Dispose()
    {
        _services.Dispose();
        try { Directory.Delete(StateDirectory, recursive: true); }
        catch (IOException) { /* a change list still open by a finishing test; the temp folder is cleaned by the OS */ }
    }
}
