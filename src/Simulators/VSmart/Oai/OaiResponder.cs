using System.Text;
using System.Xml;
using Lsb.Hub.Simulators.VSmart.Records;
using Lsb.Hub.Simulators.VSmart.State;

namespace Lsb.Hub.Simulators.VSmart.Oai;

/// <summary>
/// Answers one OAI-PMH 2.0 request of one installation: checks the verb and its arguments exactly as the protocol
/// prescribes (an illegal, missing or repeated argument is badArgument; resumptionToken is exclusive) and writes the
/// response document. Errors are answered as HTTP 200 with <c>&lt;error&gt;</c>.
/// </summary>
internal sealed partial class OaiResponder(InstallationState state, byte[] tokenKey)
{
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Identify"] = [],
        ["ListMetadataFormats"] = ["identifier"],
        ["ListSets"] = ["resumptionToken"],
        ["GetRecord"] = ["identifier", "metadataPrefix"],
        ["ListIdentifiers"] = ["metadataPrefix", "from", "until", "set", "resumptionToken"],
        ["ListRecords"] = ["metadataPrefix", "from", "until", "set", "resumptionToken"],
    };

    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), Indent = false, CloseOutput = false };

    /// <summary>The response document for the request arguments (query string or form), as UTF-8 bytes.</summary>
    public byte[] Respond(IReadOnlyDictionary<string, IReadOnlyList<string>> arguments, string baseUrl, DateTimeOffset now)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("OAI-PMH", OaiXml.Namespace);
            xml.WriteAttributeString("xmlns", "xsi", null, OaiXml.SchemaInstance);
            xml.WriteAttributeString("xsi", "schemaLocation", OaiXml.SchemaInstance, $"{OaiXml.Namespace} {OaiXml.Schema}");
            xml.WriteElementString("responseDate", OaiXml.Namespace, OaiDates.Format(now));
            try
            {
                var verb = Verb(arguments);
                var args = Arguments(verb, arguments);
                // The answer is rendered into a second writer first, so an error found half-way leaves no partial element.
                using var body = new MemoryStream();
                using (var inner = XmlWriter.Create(body, new XmlWriterSettings { Encoding = new UTF8Encoding(false), OmitXmlDeclaration = true, ConformanceLevel = ConformanceLevel.Fragment }))
                {
                    inner.WriteStartElement("x", OaiXml.Namespace);
                    Answer(inner, verb, args, baseUrl, now);
                    inner.WriteEndElement();
                }
                WriteRequest(xml, baseUrl, verb, args);
                xml.WriteRaw(Unwrap(Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length)));
            }
            catch (OaiException e)
            {
                WriteRequest(xml, baseUrl, e.OmitsRequestAttributes ? null : arguments.GetValueOrDefault("verb")?[0],
                    e.OmitsRequestAttributes ? null : arguments.ToDictionary(a => a.Key, a => a.Value[0], StringComparer.Ordinal));
                xml.WriteStartElement("error", OaiXml.Namespace);
                xml.WriteAttributeString("code", e.Code);
                xml.WriteString(e.Message);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return buffer.ToArray();
    }

    private void Answer(XmlWriter xml, string verb, Dictionary<string, string> args, string baseUrl, DateTimeOffset now)
    {
        switch (verb)
        {
            case "Identify": Identify(xml, baseUrl); break;
            case "ListMetadataFormats": ListMetadataFormats(xml, args.GetValueOrDefault("identifier")); break;
            case "ListSets": ListSets(xml, args); break;
            case "GetRecord": GetRecord(xml, args); break;
            default: List(xml, verb, args, now); break;
        }
    }

    private static string Verb(IReadOnlyDictionary<string, IReadOnlyList<string>> arguments)
    {
        if (!arguments.TryGetValue("verb", out var verbs) || verbs.Count == 0)
            throw new OaiException(OaiErrorCode.BadVerb, "The request has no verb: use Identify, ListMetadataFormats, ListSets, GetRecord, ListIdentifiers or ListRecords.");
        if (verbs.Count > 1) throw new OaiException(OaiErrorCode.BadVerb, "The verb argument is repeated.");
        return Allowed.ContainsKey(verbs[0]) ? verbs[0] : throw new OaiException(OaiErrorCode.BadVerb, $"'{verbs[0]}' is not an OAI-PMH verb.");
    }

    private static Dictionary<string, string> Arguments(string verb, IReadOnlyDictionary<string, IReadOnlyList<string>> arguments)
    {
        var args = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in arguments)
        {
            if (name == "verb") continue;
            if (!Allowed[verb].Contains(name, StringComparer.Ordinal))
                throw new OaiException(OaiErrorCode.BadArgument, $"'{name}' is not an argument of {verb}.");
            if (values.Count != 1) throw new OaiException(OaiErrorCode.BadArgument, $"The argument '{name}' is repeated.");
            args[name] = values[0];
        }
        if (args.ContainsKey("resumptionToken") && args.Count > 1)
            throw new OaiException(OaiErrorCode.BadArgument, "resumptionToken is an exclusive argument: send it alone with the verb.");
        return args;
    }

    private static void WriteRequest(XmlWriter xml, string baseUrl, string? verb, Dictionary<string, string>? args)
    {
        xml.WriteStartElement("request", OaiXml.Namespace);
        if (verb is not null) xml.WriteAttributeString("verb", verb);
        if (args is not null)
        {
            foreach (var (name, value) in args)
                if (name != "verb") xml.WriteAttributeString(name, value);
        }
        xml.WriteString(baseUrl);
        xml.WriteEndElement();
    }

    /// <summary>The inner content of the wrapper element the answer was rendered in.</summary>
    private static string Unwrap(string wrapped)
    {
        var start = wrapped.IndexOf('>', StringComparison.Ordinal) + 1;
        var end = wrapped.LastIndexOf("</", StringComparison.Ordinal);
        return end < start ? string.Empty : wrapped[start..end];
    }
}
