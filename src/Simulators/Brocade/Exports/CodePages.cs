using System.Text;

namespace Lsb.Hub.Simulators.Brocade.Exports;

/// <summary>Windows-1252, registered once through the code-pages provider built into .NET.</summary>
internal static class CodePages
{
    public static Encoding Windows1252 { get; } = Load();

    private static Encoding Load()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
