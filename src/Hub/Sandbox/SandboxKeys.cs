using System.Security.Cryptography;
using System.Text.Json;

namespace Lsb.Hub.Sandbox;

/// <summary>
/// The sandbox's API keys: random, made on first use and kept in <c>.sandbox/keys.json</c> (git-ignored) so scripts
/// keep working across restarts. Never used outside the sandbox.
/// </summary>
public sealed record SandboxKeys(string Admin, string Poi, string Library, string EbookPlatform, string Dwh, string PatronAuth)
{
    /// <summary>The POI the sandbox installations belong to.</summary>
    public const string SandboxPoi = "sandbox-poi";

    /// <summary>Reads the keys from <paramref name="folder"/>, creating them the first time.</summary>
    public static SandboxKeys LoadOrCreate(string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "keys.json");
        if (File.Exists(path))
        {
            var existing = JsonSerializer.Deserialize<SandboxKeys>(File.ReadAllText(path));
            if (existing is not null) return existing;
        }
        var keys = new SandboxKeys(New("admin"), New("poi"), New("library"), New("ebook"), New("dwh"), New("patronauth"));
        File.WriteAllText(path, JsonSerializer.Serialize(keys, new JsonSerializerOptions { WriteIndented = true }));
        return keys;
    }

    /// <summary>The keys as configuration entries (indices from 90 up, so keys configured by the user keep theirs).</summary>
    public IEnumerable<KeyValuePair<string, string?>> AsConfiguration(string libraryIsil)
    {
        var entries = new (string Name, string Key, string Scope)[]
        {
            ("sandbox-admin", Admin, "admin"),
            ("sandbox-poi", Poi, "poi:" + SandboxPoi),
            ("sandbox-library", Library, "library:" + libraryIsil),
            ("sandbox-ebook-platform", EbookPlatform, "ebook-platform"),
            ("sandbox-dwh", Dwh, "dwh"),
            ("sandbox-patron-auth", PatronAuth, "patron-auth"),
        };
        for (var i = 0; i < entries.Length; i++)
        {
            var n = 90 + i;
            yield return new($"Auth:ApiKeys:{n}:Name", entries[i].Name);
            yield return new($"Auth:ApiKeys:{n}:Key", entries[i].Key);
            yield return new($"Auth:ApiKeys:{n}:Scopes:0", entries[i].Scope);
        }
    }

    private static string New(string purpose) => $"sbx-{purpose}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}";
}
