using System.Text;
using System.Xml;

namespace Lsb.Hub.Marc;

/// <summary>
/// Writes MARCXML (namespace http://www.loc.gov/MARC21/slim) that validates against MARC21slim.xsd. Field and subfield
/// order are kept. Characters XML 1.0 cannot carry (C0 controls other than tab, line feed and carriage return) are
/// dropped, as every MARCXML writer must; everything else is written as is. Dispose to close the collection.
/// </summary>
public sealed class MarcXmlWriter : IDisposable
{
    private readonly XmlWriter xml;
    private readonly MarcXmlWriterOptions options;
    private bool started;
    private int recordsWritten;

    /// <summary>Writes UTF-8 MARCXML to <paramref name="stream"/> (left open).</summary>
    public MarcXmlWriter(Stream stream, MarcXmlWriterOptions? options = null)
        : this(XmlWriter.Create(stream, Settings(options, new UTF8Encoding(false))), options)
    {
    }

    /// <summary>Writes MARCXML to <paramref name="writer"/> (left open).</summary>
    public MarcXmlWriter(TextWriter writer, MarcXmlWriterOptions? options = null)
        : this(XmlWriter.Create(writer, Settings(options, null, omitDeclaration: true)), options)
    {
    }

    private MarcXmlWriter(XmlWriter xml, MarcXmlWriterOptions? options)
    {
        this.xml = xml;
        this.options = options ?? new MarcXmlWriterOptions();
    }

    /// <summary>One record as a MARCXML string (a bare <c>&lt;record&gt;</c> unless <paramref name="options"/> ask for a collection).</summary>
    public static string ToXml(MarcRecord record, MarcXmlWriterOptions? options = null)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        using (var writer = new MarcXmlWriter(text, options ?? new MarcXmlWriterOptions { Collection = false }))
        {
            writer.Write(record);
        }

        return text.ToString();
    }

    /// <summary>Writes records as one collection to <paramref name="stream"/>.</summary>
    public static void WriteCollection(IEnumerable<MarcRecord> records, Stream stream, MarcXmlWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        using var writer = new MarcXmlWriter(stream, options);
        foreach (var record in records)
        {
            writer.Write(record);
        }
    }

    /// <summary>Writes one record. Without a collection, only one record MAY be written.</summary>
    public void Write(MarcRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!options.Collection && recordsWritten > 0)
        {
            throw new InvalidOperationException("A MARCXML document without <collection> holds exactly one record; set Collection = true to write more.");
        }

        if (!started && options.Collection)
        {
            xml.WriteStartElement(MarcXmlNames.Collection, MarcXmlNames.Namespace);
        }

        started = true;
        xml.WriteStartElement(MarcXmlNames.Record, MarcXmlNames.Namespace);
        var leader = options.MarkLeaderAsUnicode ? record.Leader.With(9, 'a') : record.Leader;
        xml.WriteElementString(MarcXmlNames.Leader, MarcXmlNames.Namespace, Clean(leader.Value));
        foreach (var field in record.Fields)
        {
            if (field is MarcControlField control)
            {
                xml.WriteStartElement(MarcXmlNames.ControlField, MarcXmlNames.Namespace);
                xml.WriteAttributeString(MarcXmlNames.Tag, Clean(field.Tag));
                xml.WriteString(Clean(control.Value));
                xml.WriteEndElement();
            }
            else if (field is MarcDataField data)
            {
                xml.WriteStartElement(MarcXmlNames.DataField, MarcXmlNames.Namespace);
                xml.WriteAttributeString(MarcXmlNames.Tag, Clean(field.Tag));
                xml.WriteAttributeString(MarcXmlNames.Indicator1, Clean(data.Indicator1.ToString()));
                xml.WriteAttributeString(MarcXmlNames.Indicator2, Clean(data.Indicator2.ToString()));
                foreach (var subfield in data.SubfieldSpan)
                {
                    xml.WriteStartElement(MarcXmlNames.Subfield, MarcXmlNames.Namespace);
                    xml.WriteAttributeString(MarcXmlNames.Code, Clean(subfield.Code.ToString()));
                    xml.WriteString(Clean(subfield.Value));
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }
        }

        xml.WriteEndElement();
        recordsWritten++;
    }

    /// <summary>Closes the collection (an empty collection if nothing was written) and flushes.</summary>
    public void Dispose()
    {
        if (options.Collection && !started)
        {
            xml.WriteStartElement(MarcXmlNames.Collection, MarcXmlNames.Namespace);
            started = true;
        }

        xml.WriteEndDocument();
        xml.Flush();
        xml.Dispose();
    }

    private static XmlWriterSettings Settings(MarcXmlWriterOptions? options, System.Text.Encoding? encoding, bool omitDeclaration = false)
    {
        var settings = new XmlWriterSettings
        {
            // A TextWriter's encoding is not the document's (a StringWriter says UTF-16): leave the declaration out.
            OmitXmlDeclaration = omitDeclaration,
            Indent = options?.Indent ?? true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Entitize,
            CloseOutput = false,
            CheckCharacters = true,
        };
        if (encoding is not null)
        {
            settings.Encoding = encoding;
        }

        return settings;
    }

    /// <summary>Drops characters XML 1.0 cannot carry; returns the same instance when there are none (the usual case).</summary>
    internal static string Clean(string text)
    {
        var bad = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsXmlChar(text, i))
            {
                bad = i;
                break;
            }
        }

        if (bad < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, bad);
        for (var i = bad; i < text.Length; i++)
        {
            if (IsXmlChar(text, i))
            {
                sb.Append(text[i]);
            }
        }

        return sb.ToString();
    }

    private static bool IsXmlChar(string text, int i)
    {
        var c = text[i];
        if (c < 0x20)
        {
            return c is '\t' or '\n' or '\r';
        }

        if (char.IsHighSurrogate(c))
        {
            return i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
        }

        if (char.IsLowSurrogate(c))
        {
            return i > 0 && char.IsHighSurrogate(text[i - 1]);
        }

        return c is not ('\uFFFE' or '\uFFFF');
    }
}
