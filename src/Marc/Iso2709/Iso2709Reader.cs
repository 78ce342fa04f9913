using System.Runtime.CompilerServices;

namespace Lsb.Hub.Marc;

/// <summary>
/// Streaming ISO 2709 (MARC 21 exchange format) reader. Reads one record at a time from a pooled buffer, so memory
/// stays bounded by the largest record, whatever the file size. Text is decoded from MARC-8 or UTF-8 per leader/09
/// (or as <see cref="MarcReaderOptions.CharacterSet"/> says).
/// <para>
/// Strict mode (the default) throws <see cref="MarcFormatException"/> at the first error. Lenient mode NEVER throws
/// for bad data: it returns every record it can find, with <see cref="MarcRecord.Diagnostics"/> saying what was
/// repaired, and resynchronises on the record terminator. Either way the reader NEVER hangs and NEVER throws any other
/// exception type for bad input (I/O errors of the stream and cancellation pass through unchanged).
/// </para>
/// </summary>
public sealed class Iso2709Reader : IDisposable
{
    private readonly Iso2709Framer framer;
    private readonly Iso2709RecordParser parser;
    private readonly Stream stream;
    private readonly bool leaveOpen;
    private readonly bool strict;
    private readonly List<MarcDiagnostic> fileDiagnostics = [];

    /// <summary>Reads from <paramref name="stream"/>; disposes it with the reader unless <paramref name="leaveOpen"/>.</summary>
    public Iso2709Reader(Stream stream, MarcReaderOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= MarcReaderOptions.Strict;
        this.stream = stream;
        this.leaveOpen = leaveOpen;
        strict = options.ErrorPolicy == MarcErrorPolicy.Strict;
        framer = new Iso2709Framer(stream, options.MaxRecordBytes);
        parser = new Iso2709RecordParser(options);
    }

    /// <summary>Problems not tied to any record (e.g. bytes after the last record), known once the end is reached.</summary>
    public IReadOnlyList<MarcDiagnostic> FileDiagnostics => fileDiagnostics;

    /// <summary>Reads every record of <paramref name="stream"/> lazily; the stream is left open.</summary>
    public static IEnumerable<MarcRecord> ReadAll(Stream stream, MarcReaderOptions? options = null)
    {
        using var reader = new Iso2709Reader(stream, options, leaveOpen: true);
        while (reader.Read() is { } record)
        {
            yield return record;
        }
    }

    /// <summary>Reads every record of <paramref name="stream"/> lazily and asynchronously; the stream is left open.</summary>
    public static async IAsyncEnumerable<MarcRecord> ReadAllAsync(Stream stream, MarcReaderOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var reader = new Iso2709Reader(stream, options, leaveOpen: true);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) is { } record)
        {
            yield return record;
        }
    }

    /// <summary>Reads every record of a file lazily.</summary>
    public static IEnumerable<MarcRecord> ReadFile(string path, MarcReaderOptions? options = null)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        foreach (var record in ReadAll(file, options))
        {
            yield return record;
        }
    }

    /// <summary>The next record, or null at the end of the stream.</summary>
    public MarcRecord? Read()
    {
        while (true)
        {
            switch (framer.TryFrame(out var start, out var length, out var offset))
            {
                case FrameStatus.Record:
                    return Parse(start, length, offset);
                case FrameStatus.NeedMore:
                    framer.Fill();
                    break;
                default:
                    return Finish();
            }
        }
    }

    /// <summary>The next record, or null at the end of the stream.</summary>
    public async ValueTask<MarcRecord?> ReadAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            switch (framer.TryFrame(out var start, out var length, out var offset))
            {
                case FrameStatus.Record:
                    return Parse(start, length, offset);
                case FrameStatus.NeedMore:
                    await framer.FillAsync(cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    return Finish();
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        framer.Dispose();
        if (!leaveOpen)
        {
            stream.Dispose();
        }
    }

    private MarcRecord Parse(int start, int length, long offset)
    {
        var carried = framer.Pending;
        framer.Pending = null;
        return parser.Parse(framer.Buffer.Slice(start, length), framer.NextRecordNumber - 1, offset, carried);
    }

    private MarcRecord? Finish()
    {
        if (framer.Pending is { } pending)
        {
            framer.Pending = null;
            fileDiagnostics.AddRange(pending);
            foreach (var diagnostic in pending)
            {
                if (strict && diagnostic.Severity == MarcDiagnosticSeverity.Error)
                {
                    throw new MarcFormatException(diagnostic);
                }
            }
        }

        return null;
    }
}
