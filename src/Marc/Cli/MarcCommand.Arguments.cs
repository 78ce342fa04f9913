using System.Globalization;
using System.Text;

namespace Lsb.Hub.Marc.Cli;

/// <summary>Argument parsing for <c>marc dump</c>.</summary>
public static partial class MarcCommand
{
    private static bool TryParse(string[] args, TextWriter stderr, out string file, out bool xml, out MarcReaderOptions options)
    {
        file = string.Empty;
        xml = false;
        options = MarcReaderOptions.Strict;
        if (args[0] != "dump")
        {
            stderr.WriteLine($"marc: unknown subcommand '{args[0]}'");
            return false;
        }

        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--xml":
                    xml = true;
                    break;
                case "--lenient":
                    options = options with { ErrorPolicy = MarcErrorPolicy.Lenient };
                    break;
                case "--charset" when i + 1 < args.Length:
                    if (!TryCharset(args[++i], out var set))
                    {
                        stderr.WriteLine($"marc dump: unknown character set '{args[i]}'");
                        return false;
                    }

                    options = options with { CharacterSet = set };
                    break;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal) || file.Length > 0)
                    {
                        stderr.WriteLine($"marc dump: unexpected argument '{args[i]}'");
                        return false;
                    }

                    file = args[i];
                    break;
            }
        }

        if (file.Length == 0)
        {
            stderr.WriteLine("marc dump: no FILE given");
            return false;
        }

        return true;
    }

    private static bool TryCharset(string name, out MarcCharacterSet set)
    {
        set = name.ToUpperInvariant() switch
        {
            "LEADER" => MarcCharacterSet.FromLeader,
            "UTF-8" or "UTF8" => MarcCharacterSet.Utf8,
            "MARC-8" or "MARC8" => MarcCharacterSet.Marc8,
            _ => null!,
        };
        if (set is not null)
        {
            return true;
        }

        try
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            set = MarcCharacterSet.Legacy(int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var page) ? Encoding.GetEncoding(page) : Encoding.GetEncoding(name));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
