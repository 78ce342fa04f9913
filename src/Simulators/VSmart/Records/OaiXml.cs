namespace Lsb.Hub.Simulators.VSmart.Records;

/// <summary>Namespaces and schema locations of OAI-PMH 2.0 and MARCXML.</summary>
internal static class OaiXml
{
    public const string Namespace = "http://www.openarchives.org/OAI/2.0/";
    public const string Schema = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd";
    public const string SchemaInstance = "http://www.w3.org/2001/XMLSchema-instance";
    public const string IdentifierNamespace = "http://www.openarchives.org/OAI/2.0/oai-identifier";
    public const string IdentifierSchema = "http://www.openarchives.org/OAI/2.0/oai-identifier.xsd";
    public const string MarcNamespace = "http://www.loc.gov/MARC21/slim";
    public const string MarcSchema = "http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd";
}
