using System.Runtime.CompilerServices;
using System.Xml;

namespace Lsb.Hub.Marc;

/// <summary>
/// Streaming MARCXML reader: a <c>&lt;collection&gt;</c> of records or one bare <c>&lt;record&gt;</c>, in the MARC 21
/// slim namespace with or without a prefix (records without any namespace are read with a warning). Comments and
/// unknown elements are skipped. Strict mode throws <see cref="MarcFormatException"/> at the first error; lenient mode
/// repairs what it can (missing indicators become blanks, a field without a tag or a subfield without a code is dropped)
/// and reports it on <see cref="MarcRecord.Diagnostics"/>. XML that is not well-formed ends the read: records before
/// the damage are returned, then strict mode throws and lenient mode reports it in <see cref="FileDiagnostics"/>.
/// For MARCXML, <see cref="MarcDiagnostic.ByteOffset"/> holds the line number. NEVER throws any other exception type
/// for bad input.
/// </summary>
public sealed partial class MarcXmlReader : IDisposable
{
    private readonly XmlReader xml;
    private readonly bool strict;
    private readonly List<MarcDiagnostic> fileDiagnostics = [];
    private List<MarcDiagnostic>? diagnostics;
    private int recordNumber;
    private bool finished;
    private bool inRecord;

    /// <summary>Reads from <paramref name="stream"/> (left open).</summary>
    public MarcXmlReader(Stream stream, MarcReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        strict = (options ?? MarcReaderOptions.Strict).ErrorPolicy == MarcErrorPolicy.Strict;
        xml = XmlReader.Create(stream, new XmlReaderSettings
        {
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            CloseInput = false,
            Async = true,
        });
    }

    /// <summary>Problems not tied to one record (XML that is not well-formed, records with nothing to recover).</summary>
    public IReadOnlyList<MarcDiagnostic> FileDiagnostics => fileDiagnostics;

    /// <summary>Reads every record lazily; the stream is left open.</summary>
    public static IEnumerable<MarcRecord> ReadAll(Stream stream, MarcReaderOptions? options = null)
    {
        using var reader = new MarcXmlReader(stream, options);
        while (reader.Read() is { } record)
        {
            yield return record;
        }
    }

    /// <summary>Reads every record lazily and asynchronously; the stream is left open.</summary>
    public static async IAsyncEnumerable<MarcRecord> ReadAllAsync(Stream stream, MarcReaderOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var reader = new MarcXmlReader(stream, options);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) is { } record)
        {
            yield return record;
        }
    }

    /// <summary>Reads every record of a file lazily.</summary>
    public static IEnumerable<MarcRecord> ReadFile(string path, MarcReaderOptions? options = null)
    {
        using var file = File.OpenRead(path);
        foreach (var record in ReadAll(file, options))
        {
            yield return record;
        }
    }

    /// <summary>The next record, or null at the end.</summary>
    public MarcRecord? Read()
    {
        while (!finished)
        {
            try
            {
                if (!MoveToNextRecord())
                {
                    finished = true;
                    return null;
                }

                if (ReadRecord() is { } record)
                {
                    return record;
                }
            }
            catch (XmlException e)
            {
                Fail(e);
            }
        }

        return null;
    }

    /// <summary>The next record, or null at the end. Buffers one record's XML at a time.</summary>
    public async ValueTask<MarcRecord?> ReadAsync(CancellationToken cancellationToken = default)
    {
        while (!finished)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                if (!await MoveToNextRecordAsync().ConfigureAwait(false))
                {
                    finished = true;
                    return null;
                }

                // One record's subtree is read synchronously from the XmlReader's buffer; the await is between records.
                using var subtree = xml.ReadSubtree();
                subtree.Read();
                var record = ReadRecord(subtree);
                if (record is not null)
                {
                    return record;
                }
            }
            catch (XmlException e)
            {
                Fail(e);
            }
        }

        return null;
    }

    /// <inheritdoc />
    public void Dispose() => xml.Dispose();

    private void Fail(XmlException e)
    {
        finished = true;
        var diagnostic = new MarcDiagnostic(inRecord ? recordNumber : recordNumber + 1, e.LineNumber, MarcDiagnosticSeverity.Error, MarcProblem.BadXml, $"the XML is not well-formed: {e.Message}");
        if (strict)
        {
            throw new MarcFormatException(diagnostic, e);
        }

        fileDiagnostics.Add(diagnostic);
    }

    private bool MoveToNextRecord()
    {
        while (xml.Read())
        {
            if (IsRecordStart())
            {
                return true;
            }
        }

        return false;
    }

    private async Task<bool> MoveToNextRecordAsync()
    {
        while (await xml.ReadAsync().ConfigureAwait(false))
        {
            if (IsRecordStart())
            {
                return true;
            }
        }

        return false;
    }

    private bool IsRecordStart()
    {
        if (xml.NodeType != XmlNodeType.Element || (xml.NamespaceURI.Length != 0 && xml.NamespaceURI != MarcXmlNames.Namespace))
        {
            return false;
        }

        if (xml.LocalName == MarcXmlNames.Record)
        {
            return true;
        }

        if (xml.LocalName is MarcXmlNames.Leader or MarcXmlNames.ControlField or MarcXmlNames.DataField or MarcXmlNames.Subfield)
        {
            var stray = new MarcDiagnostic(recordNumber + 1, xml is IXmlLineInfo info ? info.LineNumber : 0, MarcDiagnosticSeverity.Error, MarcProblem.BadXmlRecord, $"<{xml.Name}> outside any <record>; skipped");
            if (strict)
            {
                throw new MarcFormatException(stray);
            }

            fileDiagnostics.Add(stray);
            xml.Skip();
            return IsRecordStart();
        }

        return false;
    }

    private MarcRecord? ReadRecord()
    {
        using var subtree = xml.ReadSubtree();
        subtree.Read();
        return ReadRecord(subtree);
    }

    /// <summary>Tags are three ASCII letters or digits (MARC21slim.xsd).</summary>
    private static bool IsValidTag(string tag)
        => tag.Length == 3 && tag.AsSpan().IndexOfAnyExcept(ValidTagCharacters) < 0;

    private static readonly System.Buffers.SearchValues<char> ValidTagCharacters =
        System.Buffers.SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
}
