using System.Globalization;
using System.Text;
using CsvHelper;
using Lsb.Hub.Adapters.Brocade.Reading;

namespace Lsb.Hub.Adapters.Brocade.Translation;

/// <summary>
/// One CSV row of a change, read by column name. Every problem names the file, the line and the column, and says
/// what to do: <c>LEDEN_….csv line 17, column 8 'Geboortedatum': '31-02-1980' is not a date (dd-MM-yyyy)</c>.
/// </summary>
internal sealed class CsvRow
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
    private readonly string[] _header;
    private readonly string[] _values;
    private readonly string _place;

    public CsvRow(ChangePayload payload, string installation)
    {
        _place = $"{payload.File} line {payload.Line}";
        _header = (payload.Header ?? string.Empty).Split(';');
        var options = CsvReaderOptions.Default with { Separator = ';', HasHeader = false, AllowLineBreaksInQuotes = false, BufferSize = 4096 };
        using var csv = CsvReader.Create(Encoding.UTF8.GetBytes(payload.Row ?? string.Empty), options);
        if (!csv.Read()) throw Problem($"{_place} of Brocade installation '{installation}' is empty");
        _values = new string[csv.FieldCount];
        for (var i = 0; i < _values.Length; i++) _values[i] = csv.GetString(i);
        if (_values.Length > _header.Length)
        {
            throw Problem($"{_place} of Brocade installation '{installation}' has {_values.Length} fields but the header has {_header.Length}: " +
                "a semicolon inside an unquoted value shifts every column after it");
        }
    }

    /// <summary>The trimmed value of a column, or null when empty or absent (real exports drop empty trailing columns).</summary>
    public string? Text(string column)
    {
        var index = Array.IndexOf(_header, column);
        if (index < 0) throw Problem($"{_place} has no column '{column}' (header: {string.Join(';', _header)})");
        var value = index < _values.Length ? _values[index].Trim() : string.Empty;
        return value.Length == 0 ? null : value;
    }

    /// <summary>As <see cref="Text"/>, but null also when the header has no such column (one that older exports lack).</summary>
    public string? Optional(string column) => Array.IndexOf(_header, column) < 0 ? null : Text(column);

    public string Required(string column) => Text(column) ?? throw Problem(Where(column) + " is empty");

    public DateOnly? Date(string column)
    {
        var text = Text(column);
        if (text is null) return null;
        return DateOnly.TryParseExact(text, "dd-MM-yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date : throw Problem($"{Where(column)}: '{text}' is not a date (dd-MM-yyyy)");
    }

    public DateTimeOffset? Moment(string column)
    {
        var text = Text(column);
        if (text is null) return null;
        return DateTime.TryParseExact(text, "dd-MM-yyyy HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? DutchTime.FromLocal(local) : throw Problem($"{Where(column)}: '{text}' is not a date and time (dd-MM-yyyy HH:mm:ss)");
    }

    public DateTimeOffset Moment(string dateColumn, string timeColumn)
    {
        var date = Date(dateColumn) ?? throw Problem(Where(dateColumn) + " is empty");
        var text = Text(timeColumn) ?? "00:00:00";
        return TimeOnly.TryParseExact(text, "HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? DutchTime.FromLocal(date.ToDateTime(t)) : throw Problem($"{Where(timeColumn)}: '{text}' is not a time (HH:mm:ss)");
    }

    public int Number(string column)
    {
        var text = Text(column) ?? "0";
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n : throw Problem($"{Where(column)}: '{text}' is not a whole number");
    }

    public bool? Flag(string column) => Text(column) switch
    {
        null => null,
        "J" or "j" => true,
        "N" or "n" => false,
        var other => throw Problem($"{Where(column)}: '{other}' is neither J nor N"),
    };

    public decimal Amount(string column)
    {
        var text = Text(column) ?? "0";
        return decimal.TryParse(text, NumberStyles.Number, Dutch, out var amount) ? amount : throw Problem($"{Where(column)}: '{text}' is not an amount (0,00)");
    }

    private string Where(string column) => $"{_place}, column {Array.IndexOf(_header, column) + 1} '{column}'";

    private static IlsProtocolException Problem(string what)
        => new($"{what}. Correct the record in Brocade (the next export brings it again), or edit this message's row and replay it.");
}
