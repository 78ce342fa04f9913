using System.Text;
using System.Text.Json;

namespace Lsb.Hub.Marc.Tests.Support;

/// <summary>Parsers for the upstream projects' own renderings in gold/ (MARC-in-JSON, MarcEdit mnemonic, MicroLIF).</summary>
internal static class GoldFormats
{
    /// <summary>MARC-in-JSON: one record object, an array of them, or newline-delimited objects.</summary>
    public static List<MarcRecord> ReadMarcInJson(string path)
    {
        var text = File.ReadAllText(path, Encoding.UTF8).Trim();
        var records = new List<MarcRecord>();
        if (text.StartsWith('['))
        {
            using var doc = JsonDocument.Parse(text);
            records.AddRange(doc.RootElement.EnumerateArray().Select(FromJson));
        }
        else if (!text.Contains("}\n{", StringComparison.Ordinal))
        {
            using var doc = JsonDocument.Parse(text);
            records.Add(FromJson(doc.RootElement));
        }
        else
        {
            foreach (var line in text.Split('\n').Where(l => l.Trim().Length > 0))
            {
                using var doc = JsonDocument.Parse(line);
                records.Add(FromJson(doc.RootElement));
            }
        }

        return records;
    }

    private static MarcRecord FromJson(JsonElement element)
    {
        var fields = new List<MarcField>();
        foreach (var field in element.GetProperty("fields").EnumerateArray())
        {
            foreach (var property in field.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String)
                {
                    fields.Add(new MarcControlField(property.Name, property.Value.GetString()!));
                    continue;
                }

                var subfields = property.Value.GetProperty("subfields").EnumerateArray()
                    .SelectMany(s => s.EnumerateObject())
                    .Select(s => new MarcSubfield(s.Name[0], s.Value.GetString()!));
                fields.Add(new MarcDataField(property.Name, Indicator(property.Value, "ind1"), Indicator(property.Value, "ind2"), subfields));
            }
        }

        return new MarcRecord(new MarcLeader(element.GetProperty("leader").GetString()!), fields);
    }

    private static char Indicator(JsonElement field, string name)
        => field.TryGetProperty(name, out var value) && value.GetString() is { Length: > 0 } text ? text[0] : ' ';

    /// <summary>MarcEdit mnemonic (.mrk, .mrk8): <c>=TAG  II$adata</c>; backslash is a blank in leader, control fields and indicators.</summary>
    public static List<MarcRecord> ReadMnemonic(string path)
    {
        var records = new List<MarcRecord>();
        MarcLeader? leader = null;
        var fields = new List<MarcField>();
        foreach (var raw in File.ReadAllText(path, Encoding.UTF8).Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length < 6 || line[0] != '=')
            {
                continue;
            }

            var tag = line[1..4];
            var data = line[6..];
            if (tag == "LDR")
            {
                if (leader is { } previous)
                {
                    records.Add(new MarcRecord(previous, fields));
                }

                leader = new MarcLeader(data.Replace('\\', ' '));
                fields = [];
            }
            else if (MarcField.IsControlTag(tag))
            {
                fields.Add(new MarcControlField(tag, data.Replace('\\', ' ').Replace("{dollar}", "$", StringComparison.Ordinal)));
            }
            else
            {
                var subfields = data[2..].Split('$').Skip(1)
                    .Where(s => s.Length > 0)
                    .Select(s => new MarcSubfield(s[0], s[1..].Replace("{dollar}", "$", StringComparison.Ordinal)));
                fields.Add(new MarcDataField(tag, data[0] == '\\' ? ' ' : data[0], data[1] == '\\' ? ' ' : data[1], subfields));
            }
        }

        if (leader is { } last)
        {
            records.Add(new MarcRecord(last, fields));
        }

        return records;
    }

    /// <summary>MicroLIF (MARC::File::MicroLIF): <c>TAGdata^</c> lines, <c>_</c> delimits subfields; the leader's numbers are blank.</summary>
    public static List<MarcRecord> ReadMicroLif(string path)
    {
        var records = new List<MarcRecord>();
        MarcLeader? leader = null;
        var fields = new List<MarcField>();
        foreach (var raw in File.ReadAllText(path, Encoding.Latin1).Split('\n'))
        {
            var line = raw.TrimEnd('\r', '`', '^');
            if (line.Length < 4)
            {
                continue;
            }

            var tag = line[..3];
            var data = line[3..];
            if (tag == "LDR")
            {
                if (leader is { } previous)
                {
                    records.Add(new MarcRecord(previous, fields));
                }

                leader = new MarcLeader(data.PadRight(24)[..24]);
                fields = [];
            }
            else if (MarcField.IsControlTag(tag))
            {
                fields.Add(new MarcControlField(tag, data));
            }
            else if (data.Length >= 2)
            {
                var subfields = data[2..].Split('_').Skip(1).Where(s => s.Length > 0).Select(s => new MarcSubfield(s[0], s[1..]));
                fields.Add(new MarcDataField(tag, data[0], data[1], subfields));
            }
        }

        if (leader is { } last)
        {
            records.Add(new MarcRecord(last, fields));
        }

        return records;
    }
}
