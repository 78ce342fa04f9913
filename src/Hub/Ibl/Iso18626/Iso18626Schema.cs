using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Lsb.Hub.Ibl.Iso18626;

/// <summary>
/// The ISO 18626 v1.2 schema, embedded in the hub (the published XSD from the corpus), compiled once. Used to validate
/// what peers send (and, in tests, what the hub sends).
/// </summary>
public static class Iso18626Schema
{
    private static readonly Lazy<(XmlSchemaSet Set, HashSet<string> Names)> Compiled = new(Load);

    /// <summary>The compiled schema set.</summary>
    public static XmlSchemaSet Set => Compiled.Value.Set;

    /// <summary>Every element name the schema declares (global and local).</summary>
    public static IReadOnlySet<string> ElementNames => Compiled.Value.Names;

    /// <summary>The validation errors of <paramref name="document"/>, each with the element or attribute it concerns.</summary>
    public static List<(XObject? At, string Message)> Validate(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var errors = new List<(XObject?, string)>();
        document.Validate(Set, (sender, e) => errors.Add((sender as XObject, e.Message)), addSchemaInfo: false);
        return errors;
    }

    private static (XmlSchemaSet, HashSet<string>) Load()
    {
        using var stream = typeof(Iso18626Schema).Assembly.GetManifestResourceStream("Lsb.Hub.Ibl.Iso18626.ISO-18626-v1_2.xsd")
            ?? throw new InvalidOperationException("The ISO 18626 schema is missing from the hub's assembly (Ibl/Iso18626/ISO-18626-v1_2.xsd).");
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        var set = new XmlSchemaSet();
        set.Add(Iso18626Messages.Namespace, reader);
        set.Compile();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (XmlSchemaElement element in set.GlobalElements.Values) Collect(element, names);
        return (set, names);
    }

    private static void Collect(XmlSchemaElement element, HashSet<string> names)
    {
        if (!names.Add(element.QualifiedName.Name) && element.RefName.IsEmpty) return;
        if (element.ElementSchemaType is XmlSchemaComplexType { ContentTypeParticle: XmlSchemaGroupBase group }) Collect(group, names);
    }

    private static void Collect(XmlSchemaGroupBase group, HashSet<string> names)
    {
        foreach (var item in group.Items)
        {
            if (item is XmlSchemaElement child) Collect(child, names);
            else if (item is XmlSchemaGroupBase nested) Collect(nested, names);
        }
    }
}
