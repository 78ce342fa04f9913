namespace Lsb.Hub.Auth;

/// <summary>One API key and what it may do (configuration <c>Auth:ApiKeys:{n}</c>).</summary>
public sealed class ApiKeyEntry
{
    /// <summary>A name for audit trails and logs (the key itself is never logged), e.g. "probiblio-ict".</summary>
    public string? Name { get; set; }

    /// <summary>The secret key, sent by clients in the <c>X-Api-Key</c> header. At least 16 characters.</summary>
    public string Key { get; set; } = "";

    /// <summary>Scopes: <c>admin</c>, <c>poi:{poiId}</c>, <c>library:{isil}</c>, <c>ebook-platform</c>, <c>dwh</c>, <c>patron-auth</c>.</summary>
    public List<string> Scopes { get; set; } = [];
}
