using Lsb.Hub.Auth;

namespace Lsb.Hub.Tests.CustomerView.Support;

/// <summary>API keys the customer-view tests add to a hub: the e-book platform and one library key per test library.</summary>
public static class CustomerKeys
{
    public const string Ebook = "test-ebook-platform-key-00001";
    public const string Noord = "test-library-noord-key-000001";
    public const string Zuid = "test-library-zuid-key-0000001";

    /// <summary>Configuration entries for the keys (indices from 20, clear of HubHost's own).</summary>
    public static Dictionary<string, string?> Settings() => new()
    {
        ["Auth:ApiKeys:20:Key"] = Ebook,
        ["Auth:ApiKeys:20:Name"] = "kb-ebook-platform",
        ["Auth:ApiKeys:20:Scopes:0"] = Scopes.EbookPlatform,
        ["Auth:ApiKeys:21:Key"] = Noord,
        ["Auth:ApiKeys:21:Name"] = "noorderlicht-desk",
        ["Auth:ApiKeys:21:Scopes:0"] = Scopes.LibraryPrefix + CustomerWorld.NoordIsil,
        ["Auth:ApiKeys:22:Key"] = Zuid,
        ["Auth:ApiKeys:22:Name"] = "zuiderzon-desk",
        ["Auth:ApiKeys:22:Scopes:0"] = Scopes.LibraryPrefix + CustomerWorld.ZuidIsil,
    };
}
