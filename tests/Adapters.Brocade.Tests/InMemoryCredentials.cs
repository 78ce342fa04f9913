namespace Lsb.Hub.Adapters.Brocade.Tests;

/// <summary>Credentials held in a dictionary, changeable while the adapter runs.</summary>
internal sealed class InMemoryCredentials : IInstallationCredentials
{
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _values = new(StringComparer.Ordinal);

    public void Set(string credentialsRef, string user, string password, string? exportKey = null)
    {
        var values = new Dictionary<string, string> { ["SipUser"] = user, ["SipPassword"] = password };
        if (exportKey is not null) values["ExportKey"] = exportKey;
        _values[credentialsRef] = values;
    }

    public IReadOnlyDictionary<string, string>? Find(string credentialsRef) => _values.GetValueOrDefault(credentialsRef);
}
