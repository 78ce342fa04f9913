using System.Globalization;
using System.Text;
using Lsb.Hub.Simulators.Brocade.Control;

namespace Lsb.Hub.Simulators.Brocade.Exports;

/// <summary>
/// Writes one ISO 2709 record in UTF-8 or MARC-8 (the hub's own MARC writer writes UTF-8 only, so the simulator
/// has this small builder for both). Leader/09 is <c>a</c> for UTF-8 and blank for MARC-8; lengths, base address
/// and directory are computed.
/// </summary>
internal static class Iso2709Builder
{
    private const byte FieldTerminator = 0x1E;
    private const byte RecordTerminator = 0x1D;
    private const byte SubfieldDelimiter = 0x1F;

    public static byte[] Build(char status, char type, MarcCharacterSetChoice characterSet, IReadOnlyList<MarcField> fields)
    {
        var data = new List<byte>(512);
        var directory = new StringBuilder(fields.Count * 12);
        foreach (var field in fields)
        {
            var start = data.Count;
            if (field.Value is not null)
            {
                Append(field.Value, characterSet, data);
            }
            else
            {
                data.Add((byte)field.Indicator1);
                data.Add((byte)field.Indicator2);
                foreach (var (code, value) in field.Subfields ?? [])
                {
                    data.Add(SubfieldDelimiter);
                    data.Add((byte)code);
                    Append(value, characterSet, data);
                }
            }
            data.Add(FieldTerminator);
            directory.Append(CultureInfo.InvariantCulture, $"{field.Tag}{data.Count - start:D4}{start:D5}");
        }
        var baseAddress = 24 + directory.Length + 1;
        var length = baseAddress + data.Count + 1;
        var coding = characterSet == MarcCharacterSetChoice.Utf8 ? 'a' : ' ';
        var leader = string.Create(CultureInfo.InvariantCulture, $"{length:D5}{status}{type}  {coding}22{baseAddress:D5}1  4500");
        var record = new byte[length];
        Encoding.ASCII.GetBytes(leader, record);
        Encoding.ASCII.GetBytes(directory.ToString(), record.AsSpan(24));
        record[baseAddress - 1] = FieldTerminator;
        data.CopyTo(record, baseAddress);
        record[^1] = RecordTerminator;
        return record;
    }

    private static void Append(string value, MarcCharacterSetChoice characterSet, List<byte> data)
    {
        // Delimiters inside text would break the record's structure: they never come from the catalogue.
        var clean = value.Replace('\u001d', ' ').Replace('\u001e', ' ').Replace('\u001f', ' ');
        if (characterSet == MarcCharacterSetChoice.Utf8) data.AddRange(Encoding.UTF8.GetBytes(clean));
        else Marc8Encoder.Encode(clean, data);
    }
}
