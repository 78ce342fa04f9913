using Lsb.Hub.Adapters;

namespace Lsb.Hub.AdapterHosting;

/// <summary>
/// Installation credentials from configuration: section <c>Credentials:{ref}</c> (environment variables
/// <c>Credentials__{ref}__AppKey</c> and so on; in production a Key Vault configuration provider). Never from the
/// repository.
/// </summary>
public sealed class ConfigurationCredentials(IConfiguration configuration) : IInstallationCredentials
{
    /// <inheritdoc />
    public IReadOnlyDictionary<string, string>? Find(string credentialsRef)
    {
        var section = configuration.GetSection("Credentials").GetSection(credentialsRef);
        var values = section.GetChildren().Where(c => c.Value is not null).ToDictionary(c => c.Key, c => c.Value!, StringComparer.OrdinalIgnoreCase);
        return values.Count == 0 ? null : values;
    }
}
