using System.Globalization;
using System.Text;
using CsvHelper;
using Lsb.Hub.Adapters.Brocade.Exports;

namespace Lsb.Hub.Adapters.Brocade.Snapshots;

/// <summary>
/// Reads a Brocade CSV export with CsvHelper: semicolons, a header row, Windows-1252 unless the file starts with a
/// UTF-8 byte order mark, line breaks never inside quotes (so one bad quote spoils one line, not the rest of the file).
/// A record's key is its key column (<c>Lenersnummer</c>, <c>Uitleningnummer</c>); its bytes are the raw record as
/// UTF-8. A line with broken quoting, or without a key, is reported as broken with its line number.
/// </summary>
internal sealed class CsvRecordSource(ExportFile file, string keyColumn) : IExportRecordSource
{
    public string? Header { get; private set; }

    public void Read(RecordHandler onRecord, BrokenRecordHandler onBroken, CancellationToken cancellationToken)
    {
        using var stream = new HashingStream(new FileStream(file.DataPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan));
        var records = 0;
        var broken = new List<(long Line, string Problem, byte[] Raw)>();
        var options = CsvReaderOptions.Default with
        {
            Separator = ';',
            HasHeader = true,
            Encoding = BrocadeCsv.EncodingOf(file.DataPath),
            TrackLineNumbers = true,
            AllowLineBreaksInQuotes = false,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = bad => broken.Add((bad.LineNumber, $"its quoting is broken ({bad.Reason})", Encoding.UTF8.GetBytes(bad.RawRecord))),
        };
        using (var csv = CsvReader.Create(stream, options, leaveOpen: true))
        {
            Header = string.Join(';', csv.Headers);
            if (!csv.TryGetFieldIndex(keyColumn, out var keyIndex))
                throw new ExportDamagedException($"{file.DataFile} has no column '{keyColumn}' (header: {Header})");
            while (csv.Read())
            {
                Flush(broken, onBroken, ref records);
                records++;
                var key = csv.GetString(keyIndex).Trim();
                var line = csv.LineNumber;
                if (key.Length == 0)
                {
                    onBroken(line, records, $"column {keyIndex + 1} '{keyColumn}' is empty", csv.RawRecord);
                    continue;
                }
                onRecord(Encoding.UTF8.GetBytes(key), csv.RawRecord, line, records);
                cancellationToken.ThrowIfCancellationRequested();
            }
            Flush(broken, onBroken, ref records);
        }
        // The reader may stop short of the end of the stream; read the rest so the checksum covers the whole file.
        var rest = new byte[64 * 1024];
        while (stream.Read(rest) > 0) { }
        if (stream.BytesRead != file.Bytes || stream.Sha256() != file.Sha256)
            throw new ExportDamagedException(string.Create(CultureInfo.InvariantCulture,
                $"{file.DataFile} is {stream.BytesRead:N0} bytes with another checksum than its marker says ({file.Bytes:N0} bytes): it was cut off or changed after the marker was written"));
        if (records != file.Records)
            throw new ExportDamagedException(string.Create(CultureInfo.InvariantCulture, $"{file.DataFile} holds {records:N0} rows but its marker says {file.Records:N0}"));
    }

    private static void Flush(List<(long Line, string Problem, byte[] Raw)> broken, BrokenRecordHandler onBroken, ref int records)
    {
        foreach (var (line, problem, raw) in broken)
        {
            records++;
            onBroken(line, records, problem, raw);
        }
        broken.Clear();
    }
}
