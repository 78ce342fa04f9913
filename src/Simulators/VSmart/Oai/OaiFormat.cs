using Lsb.Hub.Simulators.VSmart.Records;
using Lsb.Hub.Simulators.VSmart.State;

namespace Lsb.Hub.Simulators.VSmart.Oai;

/// <summary>A metadata format the repository disseminates, and which kind of item it applies to.</summary>
internal sealed record OaiFormat(string Prefix, string Schema, string Namespace, OaiRecordKind Kind)
{
    public const string MarcXml = "marcxml";
    public const string DublinCore = "oai_dc";
    public const string MarcXmlHoldings = "marcxml-holdings";

    public static IReadOnlyList<OaiFormat> All { get; } =
    [
        new(MarcXml, OaiXml.MarcSchema, OaiXml.MarcNamespace, OaiRecordKind.Bibliographic),
        new(DublinCore, Records.DublinCore.Schema, Records.DublinCore.Namespace, OaiRecordKind.Bibliographic),
        new(MarcXmlHoldings, OaiXml.MarcSchema, OaiXml.MarcNamespace, OaiRecordKind.Holdings),
    ];

    public static OaiFormat? Find(string? prefix) => All.FirstOrDefault(f => f.Prefix == prefix);
}
