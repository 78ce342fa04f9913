using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Lsb.Hub.Tests.Ibl.Iso;

/// <summary>
/// The shared ISO 18626 conformance corpus and schema, read in place (never copied): <c>LSB_CORPUS</c> when set, else the
/// first <c>shared/corpus</c> found walking up from the test's folder.
/// </summary>
public static class Iso18626Corpus
{
    public const string Namespace = "http://illtransactions.org/2013/iso18626";

    public static string Root { get; } = Locate();

    /// <summary>The crosslink messages folder.</summary>
    public static string Crosslink => Path.Combine(Root, "iso18626", "crosslink");

    /// <summary>A crosslink message's text.</summary>
    public static string Read(string file) => File.ReadAllText(Path.Combine(Crosslink, file));

    private static readonly Lazy<XmlSchemaSet> Schema = new(() =>
    {
        var set = new XmlSchemaSet();
        using var reader = XmlReader.Create(Path.Combine(Root, "xsd", "ISO-18626-v1_2.xsd"), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        set.Add(Namespace, reader);
        set.Compile();
        return set;
    });

    /// <summary>The schema errors of <paramref name="xml"/> against the published ISO 18626 v1.2 schema (empty: valid).</summary>
    public static List<string> SchemaErrors(string xml)
    {
        var errors = new List<string>();
        XDocument document;
        try
        {
            document = XDocument.Parse(xml);
        }
        catch (XmlException e)
        {
            return [$"not XML: {e.Message}"];
        }
        document.Validate(Schema.Value, (_, e) => errors.Add(e.Message));
        return errors;
    }

    /// <summary>The text of the first descendant named <paramref name="name"/> in the ISO 18626 namespace, or null.</summary>
    public static string? Value(string xml, string name)
        => XDocument.Parse(xml).Descendants(XName.Get(name, Namespace)).FirstOrDefault()?.Value.Trim();

    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable("LSB_CORPUS") is { Length: > 0 } configured)
        {
            return Directory.Exists(configured)
                ? configured
                : throw new DirectoryNotFoundException($"LSB_CORPUS is '{configured}', which is not a folder: point it at the shared corpus (the folder holding iso18626/ and xsd/).");
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException(
            $"The shared corpus was not found above {AppContext.BaseDirectory}: set LSB_CORPUS to the folder holding iso18626/ and xsd/ (../shared/corpus next to the repository).");
    }
}
