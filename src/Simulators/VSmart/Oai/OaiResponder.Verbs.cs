using System.Xml;
using Lsb.Hub.Marc;
using Lsb.Hub.Simulators.VSmart.Records;
using Lsb.Hub.Simulators.VSmart.State;

namespace Lsb.Hub.Simulators.VSmart.Oai;

/// <summary>Identify, ListMetadataFormats, ListSets and GetRecord, and how one record is written.</summary>
internal sealed partial class OaiResponder
{
    private static readonly MarcXmlWriterOptions MarcOptions = new() { Collection = false, Indent = false };

    private void Identify(XmlWriter xml, string baseUrl)
    {
        xml.WriteStartElement("Identify", OaiXml.Namespace);
        xml.WriteElementString("repositoryName", OaiXml.Namespace, $"V-smart {state.Spec.Name} (simulated)");
        xml.WriteElementString("baseURL", OaiXml.Namespace, baseUrl);
        xml.WriteElementString("protocolVersion", OaiXml.Namespace, "2.0");
        xml.WriteElementString("adminEmail", OaiXml.Namespace, $"oai-beheer@{state.RepositoryIdentifier}");
        xml.WriteElementString("earliestDatestamp", OaiXml.Namespace, OaiDates.Format(state.EarliestDatestamp));
        xml.WriteElementString("deletedRecord", OaiXml.Namespace, "persistent");
        xml.WriteElementString("granularity", OaiXml.Namespace, "YYYY-MM-DDThh:mm:ssZ");
        xml.WriteStartElement("description", OaiXml.Namespace);
        xml.WriteStartElement("oai-identifier", OaiXml.IdentifierNamespace);
        xml.WriteAttributeString("xsi", "schemaLocation", OaiXml.SchemaInstance, $"{OaiXml.IdentifierNamespace} {OaiXml.IdentifierSchema}");
        xml.WriteElementString("scheme", OaiXml.IdentifierNamespace, "oai");
        xml.WriteElementString("repositoryIdentifier", OaiXml.IdentifierNamespace, state.RepositoryIdentifier);
        xml.WriteElementString("delimiter", OaiXml.IdentifierNamespace, ":");
        xml.WriteElementString("sampleIdentifier", OaiXml.IdentifierNamespace, $"oai:{state.RepositoryIdentifier}:bib/3000001");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private void ListMetadataFormats(XmlWriter xml, string? identifier)
    {
        var formats = OaiFormat.All;
        if (identifier is not null)
        {
            var entry = state.FindOai(identifier) ?? throw new OaiException(OaiErrorCode.IdDoesNotExist, $"The repository has no item '{identifier}'.");
            formats = [.. formats.Where(f => f.Kind == entry.Kind)];
        }
        xml.WriteStartElement("ListMetadataFormats", OaiXml.Namespace);
        foreach (var format in formats)
        {
            xml.WriteStartElement("metadataFormat", OaiXml.Namespace);
            xml.WriteElementString("metadataPrefix", OaiXml.Namespace, format.Prefix);
            xml.WriteElementString("schema", OaiXml.Namespace, format.Schema);
            xml.WriteElementString("metadataNamespace", OaiXml.Namespace, format.Namespace);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private void ListSets(XmlWriter xml, Dictionary<string, string> args)
    {
        if (args.ContainsKey("resumptionToken"))
            throw new OaiException(OaiErrorCode.BadResumptionToken, "The set list is complete in one answer: this repository issues no resumption tokens for ListSets.");
        xml.WriteStartElement("ListSets", OaiXml.Namespace);
        foreach (var (spec, name) in state.Sets())
        {
            xml.WriteStartElement("set", OaiXml.Namespace);
            xml.WriteElementString("setSpec", OaiXml.Namespace, spec);
            xml.WriteElementString("setName", OaiXml.Namespace, name);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private void GetRecord(XmlWriter xml, Dictionary<string, string> args)
    {
        if (!args.TryGetValue("identifier", out var identifier) || !args.TryGetValue("metadataPrefix", out var prefix))
            throw new OaiException(OaiErrorCode.BadArgument, "GetRecord needs both identifier and metadataPrefix.");
        var format = OaiFormat.Find(prefix) ?? throw CannotDisseminate(prefix);
        var entry = state.FindOai(identifier) ?? throw new OaiException(OaiErrorCode.IdDoesNotExist, $"The repository has no item '{identifier}'.");
        if (entry.Kind != format.Kind)
            throw new OaiException(OaiErrorCode.CannotDisseminateFormat, $"Item '{identifier}' is not available as {prefix}: ask ListMetadataFormats with this identifier.");
        xml.WriteStartElement("GetRecord", OaiXml.Namespace);
        WriteRecord(xml, entry, format);
        xml.WriteEndElement();
    }

    private static OaiException CannotDisseminate(string prefix)
        => new(OaiErrorCode.CannotDisseminateFormat, $"Metadata format '{prefix}' is not supported: use {string.Join(", ", OaiFormat.All.Select(f => f.Prefix))}.");

    private static void WriteHeader(XmlWriter xml, OaiEntry entry)
    {
        xml.WriteStartElement("header", OaiXml.Namespace);
        if (entry.Deleted) xml.WriteAttributeString("status", "deleted");
        xml.WriteElementString("identifier", OaiXml.Namespace, entry.Identifier);
        xml.WriteElementString("datestamp", OaiXml.Namespace, OaiDates.Format(entry.Datestamp));
        foreach (var set in entry.Sets) xml.WriteElementString("setSpec", OaiXml.Namespace, set);
        xml.WriteEndElement();
    }

    private static void WriteRecord(XmlWriter xml, OaiEntry entry, OaiFormat format)
    {
        xml.WriteStartElement("record", OaiXml.Namespace);
        WriteHeader(xml, entry);
        if (!entry.Deleted)
        {
            xml.WriteStartElement("metadata", OaiXml.Namespace);
            switch (format.Prefix)
            {
                case OaiFormat.DublinCore:
                    DublinCore.Write(xml, entry.Title);
                    break;
                case OaiFormat.MarcXmlHoldings:
                    xml.WriteRaw(MarcXmlWriter.ToXml(HoldingsRecords.Build(entry.Title, entry.BranchCode!), MarcOptions));
                    break;
                default:
                    xml.WriteRaw(MarcXmlWriter.ToXml(BibliographicRecords.Build(entry.Title), MarcOptions));
                    break;
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }
}
