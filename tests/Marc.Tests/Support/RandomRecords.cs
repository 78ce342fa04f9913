using CsCheck;

namespace Lsb.Hub.Marc.Tests.Support;

/// <summary>CsCheck generators for valid MARC 21 records: any text XML 1.0 and UTF-8 can carry, real tag and indicator shapes.</summary>
internal static class RandomRecords
{
    private static readonly string[] TextPieces =
    [
        "a", "Z", "0", " ", ".", "$", "&", "<", ">", "\"", "'", "é", "ß", "Ł", "ø", "ñ", "e\u0301", "\u0308", "Ω", "Ж", "ש", "ع", "中", "文", "ก",
        "\U0001F4DA", "\u2019", "\u00A0", "\t", "Pride and Prejudice", "Austen, Jane,", "1813", "\u200D", "\uFB01",
    ];

    public static readonly Gen<string> Text = Gen.Int[0, TextPieces.Length - 1].Array[0, 12].Select(ix => string.Concat(ix.Select(i => TextPieces[i])));

    private static readonly Gen<char> Indicator = Gen.Char[" 0123456789abcdefghijklmnopqrstuvwxyz"];

    private static readonly Gen<char> Code = Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789"];

    private static readonly Gen<string> DataTag = Gen.OneOf(Gen.Int[10, 999].Select(i => i.ToString("000", System.Globalization.CultureInfo.InvariantCulture)), Gen.Int[0, 3].Select(i => new[] { "CAT", "LOC", "Z30", "9XX" }[i]));

    private static readonly Gen<MarcField> ControlField = Gen.Select(Gen.Int[1, 9], Text, (i, v) => (MarcField)new MarcControlField($"00{i}", v));

    private static readonly Gen<MarcField> DataField = Gen.Select(DataTag, Indicator, Indicator, Gen.Select(Code, Text, (c, v) => new MarcSubfield(c, v)).Array[0, 8],
        (tag, i1, i2, subfields) => (MarcField)new MarcDataField(tag, i1, i2, subfields));

    private static readonly Gen<string> Leader = Gen.Select(Gen.Char["acdnp"], Gen.Char["acdefgijkmoprtxyzuv"], Gen.Char["abcdims "], Gen.Char[" 12345678uz"], Gen.Char[" aciu"],
        (status, type, level, encoding, form) => $"00000{status}{type}{level} a2200000{encoding}{form} 4500");

    public static readonly Gen<MarcRecord> Record = Gen.Select(Leader, Gen.Frequency((1, ControlField), (4, DataField)).Array[0, 30],
        (leader, fields) => new MarcRecord(new MarcLeader(leader), fields));

    /// <summary>The record as compared after a round trip: leader without lengths/base address, then every field.</summary>
    public static string Shape(MarcRecord record)
        => record.Leader.Value[5..12] + record.Leader.Value[17..] + "\n" + MarcLineWriter.ToText(record)[(MarcLeader.Length + 1)..];
}
