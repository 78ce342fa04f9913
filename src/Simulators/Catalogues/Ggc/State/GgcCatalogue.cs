using System.Security.Cryptography;
using Lsb.Hub.Marc;

namespace Lsb.Hub.Simulators.Catalogues.Ggc.State;

/// <summary>
/// The simulated GGC: per library (ISIL) the holdings records it holds, keyed by 001; the files delivered and their
/// import reports. A file is imported once: delivering the same file name again with the same content answers the
/// stored report without applying anything; different content under an imported name is refused. Thread-safe.
/// </summary>
internal sealed partial class GgcCatalogue(GgcSimulatorOptions options)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SortedDictionary<string, byte[]>> _libraries = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, byte[]> _staged = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Sha256, GgcImportReport Report)> _imports = new(StringComparer.Ordinal);
    private readonly List<GgcImportReport> _reports = [];
    private readonly HashSet<string> _unknownTitles = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _rejectedBarcodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _uploads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _applications = new(StringComparer.Ordinal);

    public GgcSimulatorOptions Options { get; } = options;

    public Shared.ResponseGate Gate { get; } = new();

    /// <summary>Stores an uploaded data file until its manifest arrives.</summary>
    public GgcAnswer Stage(string file, byte[] bytes)
    {
        lock (_lock)
        {
            _uploads[file] = _uploads.GetValueOrDefault(file) + 1;
            if (_imports.TryGetValue(file, out var imported))
            {
                return imported.Sha256 == Sha256Of(bytes)
                    ? new GgcAnswer(200, new { file, status = "already-imported" })
                    : GgcAnswer.Error(409, "FILE_ALREADY_IMPORTED", $"File '{file}' was already imported with other content; a delivered file is never replaced. Send the changes in a file with a new name.");
            }
            _staged[file] = bytes;
            return new GgcAnswer(201, new { file, status = "staged", bytes = bytes.Length });
        }
    }

    /// <summary>Imports a staged file when its manifest arrives; answers the import report.</summary>
    public GgcAnswer Import(string file, GgcManifest manifest)
    {
        if (!string.Equals(manifest.File, file, StringComparison.Ordinal))
            return GgcAnswer.Error(422, "MANIFEST_MISMATCH", $"The manifest names file '{manifest.File}' but was sent for '{file}'.");
        lock (_lock)
        {
            if (_imports.TryGetValue(file, out var imported))
            {
                return imported.Sha256 == manifest.Sha256
                    ? new GgcAnswer(200, imported.Report)
                    : GgcAnswer.Error(409, "FILE_ALREADY_IMPORTED", $"File '{file}' was already imported with SHA-256 {imported.Sha256}; this manifest says {manifest.Sha256}.");
            }
            if (!_staged.TryGetValue(file, out var bytes))
                return GgcAnswer.Error(404, "FILE_NOT_UPLOADED", $"No data file '{file}' was uploaded: PUT the file before its manifest.");
            var sha = Sha256Of(bytes);
            if (sha != manifest.Sha256)
                return GgcAnswer.Error(422, "CHECKSUM_MISMATCH", $"File '{file}' has SHA-256 {sha} but the manifest says {manifest.Sha256}: upload it again.");
            List<MarcRecord> records;
            try
            {
                using var stream = new MemoryStream(bytes);
                records = [.. Iso2709Reader.ReadAll(stream, MarcReaderOptions.Strict)];
            }
            catch (MarcFormatException e)
            {
                return GgcAnswer.Error(422, "NOT_ISO2709", $"File '{file}' is not valid ISO 2709: {e.Message}");
            }
            if (records.Count != manifest.Records)
                return GgcAnswer.Error(422, "COUNT_MISMATCH", $"File '{file}' holds {records.Count} records but the manifest says {manifest.Records}.");

            var outcomes = new List<GgcRecordOutcome>(records.Count);
            for (var i = 0; i < records.Count; i++) outcomes.Add(Apply(records[i], i + 1, manifest.Isil, file));
            var report = new GgcImportReport(file, manifest.Isil, manifest.Iln, manifest.Day, Options.Time.GetUtcNow(), records.Count,
                outcomes.Count(o => o.Result == Results.Accepted), outcomes.Count(o => o.Result == Results.Rejected),
                outcomes.Count(o => o.Result == Results.Unmatched), outcomes);
            _imports[file] = (sha, report);
            _staged.Remove(file);
            _reports.Add(report);
            return new GgcAnswer(200, report);
        }
    }

    /// <summary>The report of an imported file, or null.</summary>
    public GgcImportReport? Report(string file)
    {
        lock (_lock) return _imports.TryGetValue(file, out var imported) ? imported.Report : null;
    }

    /// <summary>Every report, in import order.</summary>
    public IReadOnlyList<GgcImportReport> Reports()
    {
        lock (_lock) return [.. _reports];
    }

    /// <summary>The holdings records of a library, ordered by 001.</summary>
    public IReadOnlyList<byte[]> Records(string isil)
    {
        lock (_lock) return _libraries.TryGetValue(isil, out var held) ? [.. held.Values] : [];
    }

    private static string Sha256Of(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static class Results
    {
        public const string Accepted = "accepted";
        public const string Rejected = "rejected";
        public const string Unmatched = "unmatched";
    }
}
