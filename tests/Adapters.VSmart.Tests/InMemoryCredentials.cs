namespace Lsb.Hub.Adapters.VSmart.Tests;

/// <summary>Credentials held in a dictionary, changeable while the adapter runs.</summary>
internal sealed class InMemoryCredentials : IInstallationCredentials
{
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _values = new(StringComparer.Ordinal);

    public void Set(string credentialsRef, string username, string password)
        => _values[credentialsRef] = new Dictionary<string, string> { ["Username"] = username, ["Password"] = password };

    public IReadOnlyDictionary<string, string>? Find(string credentialsRef) => _values.GetValueOrDefault(credentialsRef);
}
