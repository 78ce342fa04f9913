using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Lsb.Hub.Simulators.Brocade.Control;
using Lsb.Hub.Simulators.Brocade.State;

namespace Lsb.Hub.Simulators.Brocade.Exports;

/// <summary>
/// Writes export runs into the export folder: <c>LEDEN_</c>, <c>EXEMPLAREN_</c>, <c>UITLENINGEN_</c> and <c>INNAMES_VREEMD_</c> files named
/// <c>{GEGEVENS}_{VOLLEDIG|DELTA}_{yyyyMMdd}_{HHmmss}_{nummer:D6}.{csv|mrc}</c>, each followed by its completion marker.
/// A delta holds what changed since the previous delta; a full export every current member and copy, and the open loans
/// plus those returned since the previous full export, and every foreign take-in (a log). Runs are written one at a time.
/// </summary>
internal sealed class ExportWriter(InstallationState state, BrocadeSimulatorOptions options, string folder)
{
    private readonly Lock _gate = new();
    private readonly List<(string Path, byte[] Remainder, string MarkerPath, string Marker)> _pending = [];
    private long _lastDelta;
    private long _lastFull;
    private int _number;
    private long _lastCreatedTicks;

    public int Runs
    {
        get { lock (_gate) return _number; }
    }

    public ExportRun Write(ExportKind kind, ExportWriteMode mode)
    {
        lock (_gate)
        {
            var number = ++_number;
            var now = state.Now;
            _lastCreatedTicks = Math.Max(now.UtcTicks, _lastCreatedTicks + TimeSpan.TicksPerMillisecond);
            var createdAt = new DateTimeOffset(_lastCreatedTicks, TimeSpan.Zero);
            var files = state.Read(s => Build(s, kind));
            var soort = kind == ExportKind.Full ? "VOLLEDIG" : "DELTA";
            var stamp = DutchClock.Local(createdAt).ToString("yyyyMMdd_HHmmss", CultureInfo.InvariantCulture);
            string Name(string entity, string extension) => string.Create(CultureInfo.InvariantCulture, $"{entity}_{soort}_{stamp}_{number:D6}.{extension}");
            var holdingsSet = options.HoldingsCharacterSet == MarcCharacterSetChoice.Utf8 ? "UTF-8" : "MARC-8";
            var written = new List<string>
            {
                Emit(Name("LEDEN", "csv"), "LEDEN", soort, number, createdAt, files.Members, files.MemberRows, "windows-1252", mode),
                Emit(Name("EXEMPLAREN", "mrc"), "EXEMPLAREN", soort, number, createdAt, files.Holdings, files.HoldingRecords, holdingsSet, mode),
                Emit(Name("UITLENINGEN", "csv"), "UITLENINGEN", soort, number, createdAt, files.Loans, files.LoanRows,
                    options.LoansInUtf8WithBom ? "UTF-8" : "windows-1252", mode),
                Emit(Name("INNAMES_VREEMD", "csv"), "INNAMES_VREEMD", soort, number, createdAt, files.ForeignTakeIns, files.ForeignTakeInRows, "windows-1252", mode),
            };
            return new ExportRun(number, createdAt, kind, written);
        }
    }

    /// <summary>Finishes the files of runs written <see cref="ExportWriteMode.HalfWritten"/>: the rest of the data, then the markers.</summary>
    public int CompletePending()
    {
        lock (_gate)
        {
            foreach (var (path, rest, markerPath, marker) in _pending)
            {
                using (var stream = new FileStream(path, FileMode.Append, FileAccess.Write)) stream.Write(rest);
                ExportMarker.WriteSafely(markerPath, Encoding.UTF8.GetBytes(marker));
            }
            var count = _pending.Count;
            _pending.Clear();
            return count;
        }
    }

    private ExportFiles Build(InstallationState s, ExportKind kind)
    {
        var since = kind == ExportKind.Full ? 0 : _lastDelta;
        var delta = kind == ExportKind.Delta;
        var members = s.AllMembers.Where(m => delta ? m.Version > since : !m.Deleted).OrderBy(m => m.Number)
            .Select(m => ExportLayouts.MemberRow(m, !delta ? null : m.Deleted ? "V" : m.Created > since ? "N" : "W")).ToList();
        string[] memberHeader = delta ? ["Mutatie", .. ExportLayouts.MemberColumns] : ExportLayouts.MemberColumns;
        var membersCsv = CsvExport.Write(memberHeader, members, utf8WithBom: false, out var memberCount);

        using var holdings = new MemoryStream();
        var holdingCount = 0;
        foreach (var copy in s.AllCopies.Where(c => delta ? c.Version > since : !c.Withdrawn).OrderBy(c => c.Number))
        {
            var status = !delta ? 'n' : copy.Withdrawn ? 'd' : copy.Created > since ? 'n' : 'c';
            holdings.Write(ExportLayouts.HoldingRecord(copy, status, options.HoldingsCharacterSet));
            holdingCount++;
        }

        var lastFull = _lastFull;
        var forced = s.EmittedLoanStatus;
        var loans = s.AllLoans.Where(l => delta ? l.Version > since : l.ReturnedAt is null || l.Version > lastFull).OrderBy(l => l.Number)
            .Select(l => ExportLayouts.LoanRow(l, forced ?? s.ExportedLoanStatus(l))).ToList();
        var loansCsv = CsvExport.Write(ExportLayouts.LoanColumns, loans, options.LoansInUtf8WithBom, out var loanCount);

        // A log: a full export lists every take-in there ever was, a delta those since the previous delta.
        var takeIns = s.AllForeignTakeIns.Where(t => !delta || t.Version > since).OrderBy(t => t.Number).Select(ExportLayouts.ForeignTakeInRow).ToList();
        var takeInsCsv = CsvExport.Write(ExportLayouts.ForeignTakeInColumns, takeIns, utf8WithBom: false, out var takeInCount);

        if (delta) _lastDelta = s.MutationUnlocked;
        else _lastFull = s.MutationUnlocked;
        return new ExportFiles(membersCsv, memberCount, holdings.ToArray(), holdingCount, loansCsv, loanCount, takeInsCsv, takeInCount);
    }

    private string Emit(string name, string entity, string kind, int number, DateTimeOffset createdAt, byte[] data, int records, string characterSet, ExportWriteMode mode)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        var sha = SHA256.HashData(data);
        string MarkerFor(string fileName) => ExportMarker.Content(fileName, entity, kind, number, createdAt, records, data.Length, sha, characterSet, options.ExportKey);
        var marker = MarkerFor(name);
        var markerPath = path + ExportMarker.Extension;
        switch (mode)
        {
            case ExportWriteMode.HalfWritten:
                var half = data.Length / 2;
                File.WriteAllBytes(path, data.AsSpan(0, half).ToArray());
                _pending.Add((path, data[half..], markerPath, marker));
                break;
            case ExportWriteMode.Truncated:
                ExportMarker.WriteSafely(path, data.AsSpan(0, data.Length * 3 / 5));
                ExportMarker.WriteSafely(markerPath, Encoding.UTF8.GetBytes(marker));
                break;
            case ExportWriteMode.DeliveredTwice:
                ExportMarker.WriteSafely(path, data);
                ExportMarker.WriteSafely(markerPath, Encoding.UTF8.GetBytes(marker));
                var again = Path.GetFileNameWithoutExtension(name) + "_HERLEVERD" + Path.GetExtension(name);
                ExportMarker.WriteSafely(Path.Combine(folder, again), data);
                ExportMarker.WriteSafely(Path.Combine(folder, again + ExportMarker.Extension),
                    Encoding.UTF8.GetBytes(MarkerFor(again)));
                break;
            default:
                ExportMarker.WriteSafely(path, data);
                ExportMarker.WriteSafely(markerPath, Encoding.UTF8.GetBytes(marker));
                break;
        }
        return path;
    }
}
