namespace Lsb.Hub.Adapters;

/// <summary>
/// Resolves an installation's credentials reference (<c>InstallationDescriptor.CredentialsRef</c>) to its secret
/// values, from configuration or environment (<c>Credentials__{ref}__{name}</c>) or a secret store. Secrets NEVER
/// come from the repository and are NEVER logged.
/// </summary>
public interface IInstallationCredentials
{
    /// <summary>The values under the reference (e.g. <c>AppId</c>, <c>AppKey</c>), or null when none are configured.</summary>
    IReadOnlyDictionary<string, string>? Find(string credentialsRef);
}
