using System.Text;
using Microsoft.AspNetCore.Http;

namespace Lsb.Hub.Simulators.Catalogues.Shared;

/// <summary>Reads HTTP Basic credentials (RFC 7617) from a request.</summary>
internal static class BasicCredentials
{
    /// <summary>The user name and password of the request, or null when it carries none that can be read.</summary>
    public static (string User, string Password)? Read(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : (text[..colon], text[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Constant-time comparison of a presented secret with the expected one.</summary>
    public static bool Matches(string presented, string expected)
        => System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
}
