using System.Globalization;
using System.Text;
using Lsb.Hub.Marc;

namespace Lsb.Hub.Simulators.Catalogues.WorldCat.State;

/// <summary>
/// The simulated WorldCat local holdings records, keyed by control number. PUT on an unknown control number creates
/// the record (as OCLC's API does), so a client that assigns control numbers can repeat a PUT safely. Thread-safe.
/// </summary>
internal sealed partial class WorldCatRegistry(WorldCatSimulatorOptions options)
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<string, Stored> _records = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unknownOclcNumbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _rejectedBarcodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _creates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _writes = new(StringComparer.Ordinal);
    private long _nextControlNumber = 900_000_000;

    public WorldCatSimulatorOptions Options { get; } = options;

    public Shared.ResponseGate Gate { get; } = new();

    public WorldCatAnswer Get(string controlNumber)
    {
        lock (_lock) return _records.TryGetValue(controlNumber, out var stored) ? WorldCatAnswer.Record(200, stored.Xml) : WorldCatAnswer.NotFound(controlNumber);
    }

    public WorldCatAnswer Create(string body)
    {
        lock (_lock)
        {
            var controlNumber = (_nextControlNumber++).ToString(CultureInfo.InvariantCulture);
            return Write(controlNumber, body);
        }
    }

    public WorldCatAnswer Replace(string controlNumber, string body)
    {
        lock (_lock) return Write(controlNumber, body);
    }

    public WorldCatAnswer Delete(string controlNumber)
    {
        lock (_lock)
        {
            if (!_records.Remove(controlNumber, out var stored)) return WorldCatAnswer.NotFound(controlNumber);
            _writes[controlNumber] = _writes.GetValueOrDefault(controlNumber) + 1;
            return WorldCatAnswer.Record(200, stored.Xml);
        }
    }

    public (int Total, IReadOnlyList<WorldCatLhr> Page) Search(string? symbol, string? holdingLibrary, string? barcode, string? oclcNumber, int offset, int limit)
    {
        lock (_lock)
        {
            var matches = _records.Values.Select(s => s.View)
                .Where(v => (symbol is null || string.Equals(v.Symbol, symbol, StringComparison.OrdinalIgnoreCase))
                    && (holdingLibrary is null || string.Equals(v.HoldingLibrary, holdingLibrary, StringComparison.OrdinalIgnoreCase))
                    && (barcode is null || v.Barcode == barcode)
                    && (oclcNumber is null || v.OclcNumber == oclcNumber))
                .ToList();
            return (matches.Count, [.. matches.Skip(Math.Max(0, offset - 1)).Take(limit)]);
        }
    }

    private WorldCatAnswer Write(string controlNumber, string body)
    {
        MarcRecord record;
        try
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(body));
            var records = MarcXmlReader.ReadAll(stream, MarcReaderOptions.Strict).ToList();
            if (records.Count != 1) return WorldCatAnswer.Invalid($"The body holds {records.Count} records; send exactly one LHR.");
            record = records[0];
        }
        catch (MarcFormatException e)
        {
            return WorldCatAnswer.Invalid($"The body is not MARCXML: {e.Message}");
        }
        if (!record.Leader.IsHoldings)
            return WorldCatAnswer.Invalid("Not a holdings record.", ("000", $"Leader/06 '{record.Leader.TypeOfRecord}' is not a holdings record type (x, y, v, u)."));
        var oclcNumber = record.GetControlField("004")?.Value?.Trim();
        if (string.IsNullOrEmpty(oclcNumber))
            return WorldCatAnswer.Invalid("Record is invalid.", ("004", "Field 004 (OCLC number of the bibliographic record) is missing."));
        if (_unknownOclcNumbers.Contains(oclcNumber))
            return WorldCatAnswer.Invalid("Record is invalid.", ("004", $"OCLC number {oclcNumber} does not match a WorldCat record."));
        var location = record.GetDataField("852");
        if (string.IsNullOrEmpty(location?['a']))
            return WorldCatAnswer.Invalid("Record is invalid.", ("852", "Field 852 $a (institution symbol) is missing."));
        var barcode = record.GetDataField("876")?['p'];
        if (barcode is not null && _rejectedBarcodes.TryGetValue(barcode, out var reason))
            return WorldCatAnswer.Invalid("Record is invalid.", ("876", reason));

        var now = Options.Time.GetUtcNow();
        var created = !_records.TryGetValue(controlNumber, out var existing);
        var stamped = Stamp(record, controlNumber, now);
        var xml = MarcXmlWriter.ToXml(stamped, new MarcXmlWriterOptions { Collection = false, Indent = false });
        var view = new WorldCatLhr(controlNumber, oclcNumber, location!['a'], location['b'], location['c'], location['h'], barcode,
            created ? now : existing!.View.Created, now);
        _records[controlNumber] = new Stored(xml, view);
        _writes[controlNumber] = _writes.GetValueOrDefault(controlNumber) + 1;
        if (created) _creates[controlNumber] = _creates.GetValueOrDefault(controlNumber) + 1;
        return WorldCatAnswer.Record(created ? 201 : 200, xml);
    }

    /// <summary>The server sets 001 and 005, as OCLC's does.</summary>
    private static MarcRecord Stamp(MarcRecord record, string controlNumber, DateTimeOffset now)
    {
        var fields = record.Fields.Where(f => f.Tag is not ("001" or "005")).ToList();
        fields.Insert(0, new MarcControlField("001", controlNumber));
        var at = fields.FindIndex(f => string.CompareOrdinal(f.Tag, "005") > 0);
        fields.Insert(at < 0 ? fields.Count : at, new MarcControlField("005", now.UtcDateTime.ToString("yyyyMMddHHmmss.f", CultureInfo.InvariantCulture)));
        return new MarcRecord(record.Leader, fields);
    }

    private sealed record Stored(string Xml, WorldCatLhr View);
}
