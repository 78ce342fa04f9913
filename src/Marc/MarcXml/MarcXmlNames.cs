namespace Lsb.Hub.Marc;

/// <summary>MARCXML element and attribute names (MARC 21 slim schema).</summary>
internal static class MarcXmlNames
{
    public const string Namespace = "http://www.loc.gov/MARC21/slim";
    public const string Collection = "collection";
    public const string Record = "record";
    public const string Leader = "leader";
    public const string ControlField = "controlfield";
    public const string DataField = "datafield";
    public const string Subfield = "subfield";
    public const string Tag = "tag";
    public const string Indicator1 = "ind1";
    public const string Indicator2 = "ind2";
    public const string Code = "code";
    public const string Type = "type";
}
