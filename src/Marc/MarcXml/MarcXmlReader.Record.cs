using System.Xml;

namespace Lsb.Hub.Marc;

/// <summary>Reading one <c>&lt;record&gt;</c> element.</summary>
public sealed partial class MarcXmlReader
{
    private const string DefaultLeader = "          22        4500";
    private static readonly HashSet<string> RecordTypes = ["Bibliographic", "Authority", "Holdings", "Classification", "Community"];

    private MarcRecord? ReadRecord(XmlReader r)
    {
        recordNumber++;
        inRecord = true;
        try
        {
            return ReadRecordContent(r);
        }
        finally
        {
            inRecord = false;
        }
    }

    private MarcRecord? ReadRecordContent(XmlReader r)
    {
        diagnostics = null;
        var line = Line(r);
        if (r.NamespaceURI.Length == 0)
        {
            Report(r, MarcProblem.BadXmlRecord, "the record element is in no namespace; read as MARC 21 slim", MarcDiagnosticSeverity.Warning);
        }

        if (r.GetAttribute(MarcXmlNames.Type) is { } type && !RecordTypes.Contains(type))
        {
            Report(r, MarcProblem.BadXmlRecord, $"record type attribute '{type}' is not one MARC21slim.xsd allows; ignored", MarcDiagnosticSeverity.Warning);
        }

        string? leader = null;
        var fields = new List<MarcField>();
        if (!r.IsEmptyElement)
        {
            var depth = r.Depth;
            r.Read();
            while (!r.EOF && !(r.NodeType == XmlNodeType.EndElement && r.Depth == depth))
            {
                if (r.NodeType != XmlNodeType.Element)
                {
                    r.Read();
                    continue;
                }

                switch (r.LocalName)
                {
                    case MarcXmlNames.Leader:
                        leader = ReadLeader(r);
                        break;
                    case MarcXmlNames.ControlField:
                        ReadControlField(r, fields);
                        break;
                    case MarcXmlNames.DataField:
                        ReadDataField(r, fields);
                        break;
                    default:
                        Report(r, MarcProblem.BadXmlRecord, $"unknown element <{r.Name}> in a record; skipped");
                        r.Skip();
                        break;
                }
            }
        }

        if (leader is null)
        {
            if (fields.Count == 0)
            {
                var empty = new MarcDiagnostic(recordNumber, line, MarcDiagnosticSeverity.Error, MarcProblem.BadXmlRecord, "the record has neither leader nor fields; nothing to read");
                if (strict)
                {
                    throw new MarcFormatException(empty);
                }

                fileDiagnostics.Add(empty);
                return null;
            }

            ReportAt(line, MarcProblem.BadXmlRecord, "the record has no leader; a blank MARC 21 leader was assumed");
            leader = DefaultLeader;
        }

        var found = diagnostics;
        diagnostics = null;
        return new MarcRecord(new MarcLeader(leader), fields, found, recordNumber, line);
    }

    private string ReadLeader(XmlReader r)
    {
        var line = Line(r);
        var text = r.ReadElementContentAsString();
        if (text.Length == MarcLeader.Length)
        {
            return text;
        }

        ReportAt(line, MarcProblem.BadXmlRecord, $"the leader '{text}' is {text.Length} characters, not 24; it was padded or cut to 24");
        return text.Length > MarcLeader.Length ? text[..MarcLeader.Length] : text.PadRight(MarcLeader.Length);
    }

    private void ReadControlField(XmlReader r, List<MarcField> fields)
    {
        var line = Line(r);
        var tag = r.GetAttribute(MarcXmlNames.Tag);
        var value = r.ReadElementContentAsString();
        if (string.IsNullOrEmpty(tag))
        {
            ReportAt(line, MarcProblem.BadXmlRecord, $"a controlfield has no tag; dropped (value '{value}')");
            return;
        }

        CheckTag(tag, line);
        fields.Add(new MarcControlField(tag, value));
    }

    private void ReadDataField(XmlReader r, List<MarcField> fields)
    {
        var line = Line(r);
        var tag = r.GetAttribute(MarcXmlNames.Tag);
        var indicator1 = Indicator(r, MarcXmlNames.Indicator1, tag, line);
        var indicator2 = Indicator(r, MarcXmlNames.Indicator2, tag, line);
        var subfields = new List<MarcSubfield>();
        if (r.IsEmptyElement)
        {
            r.Read();
        }
        else
        {
            var depth = r.Depth;
            r.Read();
            while (!r.EOF && !(r.NodeType == XmlNodeType.EndElement && r.Depth == depth))
            {
                if (r.NodeType != XmlNodeType.Element)
                {
                    r.Read();
                }
                else if (r.LocalName == MarcXmlNames.Subfield)
                {
                    ReadSubfield(r, tag, subfields);
                }
                else
                {
                    Report(r, MarcProblem.BadXmlRecord, $"unknown element <{r.Name}> in datafield {tag}; skipped", tag: tag);
                    r.Skip();
                }
            }

            r.Read();
        }

        if (string.IsNullOrEmpty(tag))
        {
            ReportAt(line, MarcProblem.BadXmlRecord, $"a datafield has no tag; dropped with its {subfields.Count} subfield(s)");
            return;
        }

        CheckTag(tag, line);
        fields.Add(new MarcDataField(tag, indicator1, indicator2, subfields.ToArray()));
    }

    private void ReadSubfield(XmlReader r, string? tag, List<MarcSubfield> subfields)
    {
        var line = Line(r);
        var code = r.GetAttribute(MarcXmlNames.Code);
        var value = r.ReadElementContentAsString();
        if (string.IsNullOrEmpty(code))
        {
            ReportAt(line, MarcProblem.BadXmlRecord, $"a subfield has no code; dropped (value '{value}')", tag: tag);
            return;
        }

        if (code.Length != 1)
        {
            ReportAt(line, MarcProblem.BadXmlRecord, $"subfield code '{code}' is not one character; '{code[0]}' used", tag: tag);
        }

        subfields.Add(new MarcSubfield(code[0], value));
    }

    private char Indicator(XmlReader r, string name, string? tag, long line)
    {
        var value = r.GetAttribute(name);
        if (value is null)
        {
            ReportAt(line, MarcProblem.BadXmlRecord, $"datafield {tag} has no {name} attribute; a blank was assumed", MarcDiagnosticSeverity.Warning, tag);
            return ' ';
        }

        if (value.Length == 1)
        {
            return value[0];
        }

        if (value.Length == 0)
        {
            ReportAt(line, MarcProblem.BadXmlRecord, $"{name} of datafield {tag} is empty; a blank was assumed", MarcDiagnosticSeverity.Warning, tag);
            return ' ';
        }

        ReportAt(line, MarcProblem.BadXmlRecord, $"{name} '{value}' of datafield {tag} is not one character; '{value[0]}' used", tag: tag);
        return value[0];
    }

    private void CheckTag(string tag, long line)
    {
        if (!IsValidTag(tag))
        {
            ReportAt(line, MarcProblem.BadXmlRecord, $"tag '{tag}' is not three letters or digits; kept as is", tag: tag);
        }
    }

    private static long Line(XmlReader r) => r is IXmlLineInfo info ? info.LineNumber : 0;

    private void Report(XmlReader r, MarcProblem problem, string message, MarcDiagnosticSeverity severity = MarcDiagnosticSeverity.Error, string? tag = null)
        => ReportAt(Line(r), problem, message, severity, tag);

    private void ReportAt(long line, MarcProblem problem, string message, MarcDiagnosticSeverity severity = MarcDiagnosticSeverity.Error, string? tag = null)
    {
        var diagnostic = new MarcDiagnostic(recordNumber, line, severity, problem, message, tag);
        if (strict && severity == MarcDiagnosticSeverity.Error)
        {
            throw new MarcFormatException(diagnostic);
        }

        (diagnostics ??= []).Add(diagnostic);
    }
}
