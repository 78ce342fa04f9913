using System.Text;

namespace Lsb.Hub.Adapters.Brocade.Tests;

/// <summary>The character set of Brocade's SIP2 server and of its members export, for tests that write or read bytes themselves.</summary>
internal static class Windows1252
{
    public static Encoding Encoding { get; } = CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("The code-pages provider built into .NET has no Windows-1252.");
}
