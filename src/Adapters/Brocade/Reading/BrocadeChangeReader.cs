using System.Text;
using System.Text.Json;
using Lsb.Hub.Adapters.Brocade.Exports;
using Lsb.Hub.Adapters.Brocade.Snapshots;
using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Marc;
using Microsoft.Extensions.Logging;

namespace Lsb.Hub.Adapters.Brocade.Reading;

/// <summary>
/// The change feed of a Brocade installation, read from its export folder. Files are taken one at a time in order
/// (time, export number, members → copies → loans → foreign take-ins), each exactly once: only finished files (marker present, size and
/// checksum as the marker says), never one whose identity is in the cursor's ledger (the same export delivered twice
/// under another name), never a full export older than the baseline. A delta's records are its changes; a full export
/// is diffed with the previous one (<see cref="SnapshotDiffer"/>). Each file's changes are first written to a change
/// list in the state folder and then served page by page, so a page is read whole or not at all and the same cursor
/// gives the same changes.
/// </summary>
internal sealed class BrocadeChangeReader(BrocadeConnection connection, StateFolder state, TimeProvider time, ILogger logger)
{
    public async Task<ChangePage> ReadAsync(string? cursorText, int maxChanges, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChanges, 1);
        var cursor = BrocadeCursor.Parse(cursorText);
        var changes = new List<VendorChange>(Math.Min(maxChanges, 4096));
        List<ExportFile>? files = null;
        var hasMore = false;
        while (true)
        {
            if (changes.Count == maxChanges)
            {
                hasMore = true;
                break;
            }
            if (cursor.Current is null)
            {
                files ??= await ScanAsync(cancellationToken);
                var next = Next(files, cursor);
                if (next is null || !await ReadyAsync(next, cancellationToken)) break;
                cursor = cursor with
                {
                    Current = new CurrentFile
                    {
                        Id = next.Identity, File = next.DataFile, Entity = next.Entity.ToString(), Full = next.Full, Ticks = next.Version,
                        Baseline = next.Full ? cursor.Baselines.GetValueOrDefault(next.Entity.ToString())?.Id : null,
                    },
                };
            }
            var current = cursor.Current;
            var listPath = state.ChangeList(current.Id, current.Baseline);
            if (!File.Exists(listPath))
            {
                files ??= await ScanAsync(cancellationToken);
                var file = files.FirstOrDefault(f => f.Identity == current.Id)
                    ?? throw new IlsProtocolException($"Brocade installation '{connection.Id}': export file {current.File} disappeared while it was being read. " +
                        "Put it back in the export folder (with its marker), or reset the installation's cursor to read from the start.");
                await BuildAsync(file, current.Baseline, listPath, cancellationToken);
            }
            using var list = new ChangeListReader(listPath);
            list.Offset = current.Offset == 0 ? list.FirstEntry : current.Offset;
            var taken = current.Taken;
            while (taken < list.Count && changes.Count < maxChanges)
            {
                var entry = list.Next();
                taken++;
                // The foreign take-ins are a log: a row gone from a full export is no change (and none is expected).
                if (entry.Op == ChangeOp.Gone && current.Entity == nameof(ExportEntity.ForeignTakeIns)) continue;
                changes.Add(ToChange(entry, current, list));
            }
            if (taken < list.Count)
            {
                cursor = cursor with { Current = current with { Taken = taken, Offset = list.Offset } };
                hasMore = true;
                break;
            }
            cursor = Finish(cursor, current);
        }
        return new ChangePage(changes, cursor.ToString(), hasMore);
    }

    private Task<List<ExportFile>> ScanAsync(CancellationToken cancellationToken)
        => connection.FolderAsync(() => ExportFolderScanner.Scan(connection.Endpoint.ExportFolder, connection.Id, connection.Installation.CredentialsRef, connection.ExportKey),
            "listing the export folder", cancellationToken);

    private ExportFile? Next(List<ExportFile> files, BrocadeCursor cursor)
    {
        var consumed = cursor.Ledger.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var oldest = cursor.Ledger.Count >= connection.Options.LedgerSize ? cursor.Ledger.Min(e => e.Ticks) : long.MinValue;
        foreach (var file in files)
        {
            if (consumed.Contains(file.Identity) || file.Version < oldest) continue;
            if (file.Full && cursor.Baselines.TryGetValue(file.Entity.ToString(), out var baseline) && file.Version <= baseline.Ticks) continue;
            return file;
        }
        return null;
    }

    /// <summary>True when the data file is whole; false while it may still be arriving; throws when it stays short.</summary>
    private async Task<bool> ReadyAsync(ExportFile file, CancellationToken cancellationToken)
    {
        var (length, markerAge) = await connection.FolderAsync(() =>
        {
            var data = new FileInfo(file.DataPath);
            var marker = new FileInfo(Path.Combine(file.Folder, file.MarkerFile));
            return (data.Exists ? data.Length : -1, time.GetUtcNow().UtcDateTime - marker.LastWriteTimeUtc);
        }, $"checking export file {file.DataFile}", cancellationToken);
        if (length == file.Bytes) return true;
        if (length < file.Bytes && markerAge < connection.Options.IncompleteExportGrace) return false;
        throw new IlsProtocolException($"Brocade installation '{connection.Id}': export file {file.DataFile} is {(length < 0 ? "missing" : $"{length:N0} bytes")} " +
            $"but its marker says {file.Bytes:N0} bytes: it was cut off or changed. Nothing of it was read. Ask the Brocade administrator to export again, " +
            "or remove the file and its marker to skip it.");
    }

    private async Task BuildAsync(ExportFile file, string? baseline, string listPath, CancellationToken cancellationToken)
    {
        IExportRecordSource Source() => file.Entity switch
        {
            ExportEntity.Holdings => new MarcRecordSource(file),
            ExportEntity.Members => new CsvRecordSource(file, "Lenersnummer"),
            ExportEntity.ForeignTakeIns => new CsvRecordSource(file, "Innamenummer"),
            _ => new CsvRecordSource(file, "Uitleningnummer"),
        };
        try
        {
            await Task.Run(() =>
            {
                if (!file.Full)
                {
                    DeltaChangeList.Write(Source(), file.DataFile, listPath, cancellationToken);
                    return;
                }
                var baselinePath = baseline is null ? null : state.Snapshot(baseline);
                if (baselinePath is not null && !File.Exists(baselinePath))
                {
                    logger.LogWarning("Brocade installation {Installation}: the snapshot of the previous full export is missing from {Folder}; {File} is read whole, so deletions since then are not seen",
                        connection.Id, state.Root, file.DataFile);
                    baselinePath = null;
                }
                var result = SnapshotDiffer.Diff(Source, file.DataFile, baselinePath, listPath, state.Snapshot(file.Identity), state.Work,
                    connection.Options.SortMemoryMegabytes << 20, cancellationToken);
                logger.LogInformation("Brocade installation {Installation}: {File} compared with the previous full export: {Changes} changes in {Records} records{Sorted}",
                    connection.Id, file.DataFile, result.Changes, result.Records, result.Sorted ? string.Empty : " (the export was not sorted by key and was sorted first)");
            }, cancellationToken);
        }
        catch (ExportDamagedException e)
        {
            throw new IlsProtocolException($"Brocade installation '{connection.Id}': {e.Message}. Nothing of it was read. Ask the Brocade administrator to export again, " +
                "or remove the file and its marker to skip it.", e);
        }
        catch (IOException e) when (e is not FileNotFoundException)
        {
            throw new IlsUnavailableException($"Brocade installation '{connection.Id}': export file {file.DataFile} could not be read: {e.Message}", e);
        }
    }

    private BrocadeCursor Finish(BrocadeCursor cursor, CurrentFile current)
    {
        var ledger = new List<LedgerEntry>(cursor.Ledger) { new(current.Id, current.Ticks) };
        if (ledger.Count > connection.Options.LedgerSize)
            ledger = [.. ledger.OrderByDescending(e => e.Ticks).Take(connection.Options.LedgerSize).OrderBy(e => e.Ticks)];
        var baselines = new Dictionary<string, LedgerEntry>(cursor.Baselines, StringComparer.Ordinal);
        if (current.Full)
        {
            baselines[current.Entity] = new LedgerEntry(current.Id, current.Ticks);
            state.Prune([.. baselines.Values.Select(b => b.Id), .. current.Baseline is null ? Array.Empty<string>() : [current.Baseline]], time.GetUtcNow().UtcDateTime);
        }
        return cursor with { Ledger = ledger, Baselines = baselines, Current = null };
    }

    private static VendorChange ToChange(ChangeEntry entry, CurrentFile current, ChangeListReader list)
    {
        var holdings = current.Entity == nameof(ExportEntity.Holdings);
        var gone = entry.Op == ChangeOp.Gone;
        var file = gone ? list.BaselineFile : current.File;
        var payload = new ChangePayload
        {
            Op = entry.Op switch { ChangeOp.Gone => ChangePayload.GoneOp, ChangeOp.Broken => ChangePayload.BrokenOp, _ => ChangePayload.RowOp },
            File = file,
            MissingFrom = gone ? current.File : null,
            Line = holdings ? null : entry.Position,
            RecordNumber = holdings ? entry.Ordinal : null,
            ByteOffset = holdings ? entry.Position : null,
            Header = holdings ? null : gone ? list.BaselineHeader : list.Header,
            Row = holdings ? null : Encoding.UTF8.GetString(entry.Record),
            Iso2709 = holdings ? Convert.ToBase64String(entry.Record) : null,
            Marc = holdings ? Readable(entry.Record) : null,
            Problem = entry.Problem,
        };
        var place = holdings ? $"record {entry.Ordinal}" : $"line {entry.Position}";
        var localId = entry.Key.Length > 0 ? entry.Key : $"{current.File}#{place}";
        var foreign = current.Entity == nameof(ExportEntity.ForeignTakeIns);
        var eventId = entry.Op switch
        {
            // A take-in is the same event in the delta and in each full export that lists it.
            ChangeOp.Row when foreign && entry.Key.Length > 0 => $"{BrocadeFeeds.ForeignTakeIns}:{entry.Key}",
            ChangeOp.Gone => $"{current.File}:gone:{entry.Key}",
            ChangeOp.Broken => $"{current.File}:{place}",
            _ => $"{current.File}:{entry.Key}",
        };
        var feed = current.Entity switch
        {
            nameof(ExportEntity.Members) => BrocadeFeeds.Members,
            nameof(ExportEntity.Holdings) => BrocadeFeeds.Holdings,
            nameof(ExportEntity.ForeignTakeIns) => BrocadeFeeds.ForeignTakeIns,
            _ => BrocadeFeeds.Loans,
        };
        return new VendorChange(feed, localId, eventId, current.Ticks, new DateTimeOffset(current.Ticks, TimeSpan.Zero),
            JsonSerializer.Serialize(payload, BrocadeJsonContext.Default.ChangePayload));
    }

    /// <summary>The record in yaz-marcdump's line format, for an administrator looking at a failed change; null if it cannot be read.</summary>
    private static string? Readable(byte[] record)
    {
        try
        {
            using var stream = new MemoryStream(record, writable: false);
            return Iso2709Reader.ReadAll(stream, MarcReaderOptions.Lenient).FirstOrDefault() is { } parsed ? MarcLineWriter.ToText(parsed) : null;
        }
        catch (MarcFormatException)
        {
            return null;
        }
    }
}
