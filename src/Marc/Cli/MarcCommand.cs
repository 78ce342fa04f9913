namespace Lsb.Hub.Marc.Cli;

/// <summary>
/// The hub CLI's <c>marc</c> command (wired as <c>dotnet run --project src/Hub -- marc ...</c>):
/// <c>marc dump FILE [--xml] [--lenient] [--charset NAME]</c> prints every record of an ISO 2709 or MARCXML file in
/// yaz-marcdump's line format (or as MARCXML with <c>--xml</c>), so the hub's reading can be diffed with yaz's.
/// Exit codes: 0 = every record read (in lenient mode: read, with any repairs reported on stderr);
/// 1 = usage error, unreadable file, or (strict mode) the first damaged record, reported on stderr with record number and byte offset.
/// </summary>
public static partial class MarcCommand
{
    /// <summary>Success.</summary>
    public const int ExitOk = 0;

    /// <summary>Usage error, missing file, or a record error in strict mode.</summary>
    public const int ExitError = 1;

    private const string Usage = """
        usage: marc dump FILE [--xml] [--lenient] [--charset leader|utf-8|marc-8|CODEPAGE]
          dump        print the records of FILE (ISO 2709, or MARCXML if it starts with '<')
          --xml       write MARCXML instead of yaz-marcdump's line format
          --lenient   repair and go on (problems go to stderr); default is strict: stop at the first error
          --charset   how to decode ISO 2709 text: leader (default, leader/09), utf-8, marc-8, or a code page such as windows-1251
        exit codes: 0 all records read; 1 usage error, unreadable file, or a damaged record in strict mode
        """;

    /// <summary>Runs the command. NEVER throws for bad input or bad arguments; the exit code says what happened.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Length == 0 || args.Contains("--help") || args.Contains("-h"))
        {
            (args.Length == 0 ? stderr : stdout).WriteLine(Usage);
            return args.Length == 0 ? ExitError : ExitOk;
        }

        if (!TryParse(args, stderr, out var file, out var xml, out var options))
        {
            stderr.WriteLine(Usage);
            return ExitError;
        }

        if (!File.Exists(file))
        {
            stderr.WriteLine($"marc dump: file not found: {file}");
            return ExitError;
        }

        return Dump(file, xml, options, stdout, stderr);
    }

    private static int Dump(string file, bool xml, MarcReaderOptions options, TextWriter stdout, TextWriter stderr)
    {
        var count = 0;
        var repaired = 0;
        MarcXmlWriter? xmlWriter = xml ? new MarcXmlWriter(stdout, new MarcXmlWriterOptions { MarkLeaderAsUnicode = true }) : null;
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
            var isXml = LooksLikeXml(stream);
            IReadOnlyList<MarcDiagnostic> fileDiagnostics;
            if (isXml)
            {
                using var reader = new MarcXmlReader(stream, options);
                while (reader.Read() is { } record)
                {
                    Emit(record);
                }

                fileDiagnostics = reader.FileDiagnostics;
            }
            else
            {
                using var reader = new Iso2709Reader(stream, options, leaveOpen: true);
                while (reader.Read() is { } record)
                {
                    Emit(record);
                }

                fileDiagnostics = reader.FileDiagnostics;
            }

            foreach (var diagnostic in fileDiagnostics)
            {
                stderr.WriteLine(diagnostic.ToString());
            }

            xmlWriter?.Dispose();
            xmlWriter = null;
            stderr.WriteLine($"marc dump: {count} record(s) read{(repaired > 0 ? $", {repaired} with problems reported above" : string.Empty)}");
            return ExitOk;
        }
        catch (MarcFormatException e)
        {
            xmlWriter?.Dispose();
            stderr.WriteLine($"marc dump: {e.Message}");
            return ExitError;
        }
        catch (IOException e)
        {
            stderr.WriteLine($"marc dump: cannot read {file}: {e.Message}");
            return ExitError;
        }
        catch (UnauthorizedAccessException e)
        {
            stderr.WriteLine($"marc dump: cannot read {file}: {e.Message}");
            return ExitError;
        }

        void Emit(MarcRecord record)
        {
            count++;
            if (record.Diagnostics.Count > 0)
            {
                repaired++;
                foreach (var diagnostic in record.Diagnostics)
                {
                    stderr.WriteLine(diagnostic.ToString());
                }
            }

            if (xmlWriter is not null)
            {
                xmlWriter.Write(record);
            }
            else
            {
                MarcLineWriter.Write(record, stdout);
            }
        }
    }

    private static bool LooksLikeXml(Stream stream)
    {
        Span<byte> head = stackalloc byte[64];
        var read = stream.Read(head);
        stream.Position = 0;
        var text = head[..read];
        if (text.StartsWith("\xEF\xBB\xBF"u8))
        {
            text = text[3..];
        }

        var first = text.IndexOfAnyExcept(" \t\r\n"u8);
        return first >= 0 && text[first] == (byte)'<';
    }
}
