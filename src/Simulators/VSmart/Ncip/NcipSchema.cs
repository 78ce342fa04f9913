using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Lsb.Hub.Simulators.VSmart.Ncip;

/// <summary>The NCIP 2.02 schema (embedded), to validate incoming messages as a strict server does.</summary>
internal static class NcipSchema
{
    private static readonly Lazy<XmlSchemaSet> Set = new(Load);

    /// <summary>The first validation error, or null when the message is valid.</summary>
    public static string? Validate(XDocument message)
    {
        string? first = null;
        message.Validate(Set.Value, (_, e) => first ??= $"line {e.Exception?.LineNumber}: {e.Message}");
        return first;
    }

    private static XmlSchemaSet Load()
    {
        using var stream = typeof(NcipSchema).Assembly.GetManifestResourceStream("Lsb.Hub.Simulators.VSmart.ncip_v2_02.xsd")
            ?? throw new InvalidOperationException("The NCIP 2.02 schema is not embedded in the simulator assembly.");
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var set = new XmlSchemaSet { XmlResolver = null };
        set.Add(XmlSchema.Read(reader, null)!);
        set.Compile();
        return set;
    }
}
