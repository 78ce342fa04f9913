namespace Lsb.Hub.Marc;

/// <summary>
/// Writes records in yaz-marcdump's line format, so a dump can be diffed against <c>yaz-marcdump -f X -t utf-8 FILE</c>:
/// the leader on its own line, <c>TAG value</c> for control fields, <c>TAG I1I2 $a value $b value</c> for data
/// fields, and a blank line after each record. Diagnostics, when asked for, are written as <c>(message)</c> lines
/// after the leader, where yaz writes its own.
/// </summary>
public static class MarcLineWriter
{
    /// <summary>Writes one record.</summary>
    public static void Write(MarcRecord record, TextWriter writer, bool includeDiagnostics = false)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(record.Leader.Value);
        writer.Write('\n');
        if (includeDiagnostics)
        {
            foreach (var diagnostic in record.Diagnostics)
            {
                writer.Write('(');
                writer.Write(diagnostic.ToString());
                writer.Write(")\n");
            }
        }

        foreach (var field in record.Fields)
        {
            writer.Write(field.Tag);
            if (field is MarcControlField control)
            {
                writer.Write(' ');
                writer.Write(control.Value);
            }
            else if (field is MarcDataField data)
            {
                writer.Write(' ');
                writer.Write(data.Indicator1);
                writer.Write(data.Indicator2);
                foreach (var subfield in data.SubfieldSpan)
                {
                    writer.Write(" $");
                    writer.Write(subfield.Code);
                    writer.Write(' ');
                    writer.Write(subfield.Value);
                }
            }

            writer.Write('\n');
        }

        writer.Write('\n');
    }

    /// <summary>The record as one string in line format.</summary>
    public static string ToText(MarcRecord record, bool includeDiagnostics = false)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Write(record, writer, includeDiagnostics);
        return writer.ToString();
    }
}
