using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Lsb.Hub.Adapters.VSmart.Tests;

/// <summary>The NCIP 2.02 schema of the shared corpus (read in place), for checking messages either side sends.</summary>
internal static class NcipSchemaValidation
{
    private static readonly Lazy<XmlSchemaSet> Schema = new(() =>
    {
        var set = new XmlSchemaSet { XmlResolver = null };
        using var reader = XmlReader.Create(Corpus.Path("xsd", "ncip_v2_02.xsd"), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        set.Add(XmlSchema.Read(reader, null)!);
        set.Compile();
        return set;
    });

    /// <summary>What makes <paramref name="message"/> invalid against ncip_v2_02.xsd; empty when it is valid.</summary>
    public static IReadOnlyList<string> Errors(XDocument message)
    {
        var errors = new List<string>();
        message.Validate(Schema.Value, (_, e) => errors.Add(e.Message));
        return errors;
    }
}
