using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Lsb.Hub.EventLog;
using Lsb.Hub.Infrastructure;
using Lsb.Hub.Storage;
using Microsoft.Extensions.Options;

namespace Lsb.Hub.Dwh;

/// <summary>
/// Push delivery on the embedded default: appends every event, pseudonymised, to newline-delimited JSON files in
/// <see cref="DwhOptions.PushFolder"/>. The open file is <c>current.ndjson.part</c>; when it holds
/// <see cref="DwhOptions.RotateAfterEvents"/> events it is renamed <c>events-{first}-{last}.ndjson</c> (positions,
/// 12 digits) — a DWH loader takes only the renamed files. The files themselves are the checkpoint: at start the
/// publisher continues after the last complete line it finds, so after a crash nothing is lost and nothing written
/// twice. One node in a cluster publishes (a cluster lock).
/// </summary>
public sealed partial class DwhFolderPublisher(
    IOptions<DwhOptions> options,
    EventLogReader reader,
    EventLogSignal signal,
    DwhEventMapper mapper,
    Pseudonymizer pseudonyms,
    HubDatabase database,
    ILogger<DwhFolderPublisher> logger) : BackgroundService
{
    private const string PartFile = "current.ndjson.part";

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var folder = options.Value.PushFolder;
        if (string.IsNullOrWhiteSpace(folder) || !pseudonyms.Enabled) return;
        Directory.CreateDirectory(folder);
        await using var clusterLock = new ClusterLock(database, "dwh-folder-publisher");
        await clusterLock.LeadAsync(token => PublishAsync(folder, clusterLock, token),
            e => e is IOException or UnauthorizedAccessException or System.Data.Common.DbException,
            logger, $"DWH push to folder {folder}", stoppingToken);
    }

    private async Task PublishAsync(string folder, ClusterLock clusterLock, CancellationToken stoppingToken)
    {
        var (after, firstInPart, countInPart) = Recover(folder);
        var part = Path.Combine(folder, PartFile);
        while (!stoppingToken.IsCancellationRequested && await clusterLock.StillHeldAsync(stoppingToken))
        {
            var events = await reader.ReadAsync(after, options.Value.PushBatchSize, stoppingToken);
            if (events.Count == 0)
            {
                await signal.WaitAsync(TimeSpan.FromSeconds(2), stoppingToken);
                continue;
            }
            var lines = new StringBuilder();
            foreach (var logged in events) lines.Append(DwhEventMapper.ToJson(mapper.Map(logged))).Append('\n');
            await using (var stream = new FileStream(part, FileMode.Append, FileAccess.Write, FileShare.Read, 1 << 16, FileOptions.WriteThrough))
            {
                var bytes = Encoding.UTF8.GetBytes(lines.ToString());
                await stream.WriteAsync(bytes, stoppingToken);
                stream.Flush(flushToDisk: true);
            }
            if (countInPart == 0) firstInPart = events[0].Position;
            countInPart += events.Count;
            after = events[^1].Position;
            if (countInPart >= options.Value.RotateAfterEvents)
            {
                File.Move(part, Path.Combine(folder, FileName(firstInPart, after)));
                countInPart = 0;
            }
        }
    }

    /// <summary>Where to continue: after the last complete line of the part file, or after the last finished file.</summary>
    private (long After, long FirstInPart, int CountInPart) Recover(string folder)
    {
        long after = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "events-*.ndjson"))
        {
            var match = FinishedPattern().Match(Path.GetFileName(file));
            if (match.Success) after = Math.Max(after, long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
        }
        var part = Path.Combine(folder, PartFile);
        if (!File.Exists(part)) return (after, 0, 0);
        var content = File.ReadAllBytes(part);
        var complete = Array.LastIndexOf(content, (byte)'\n') + 1;
        if (complete < content.Length)
        {
            logger.LogWarning("DWH part file ends in an incomplete line ({Bytes} bytes); cutting it off and rewriting it", content.Length - complete);
            using var stream = new FileStream(part, FileMode.Open, FileAccess.Write);
            stream.SetLength(complete);
            stream.Flush(flushToDisk: true);
        }
        var lines = Encoding.UTF8.GetString(content, 0, complete).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0) return (after, 0, 0);
        static long PositionOf(string line) => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("position").GetInt64();
        return (PositionOf(lines[^1]), PositionOf(lines[0]), lines.Length);
    }

    private static string FileName(long first, long last)
        => $"events-{first.ToString("D12", CultureInfo.InvariantCulture)}-{last.ToString("D12", CultureInfo.InvariantCulture)}.ndjson";

    [GeneratedRegex(@"^events-(\d{12})-(\d{12})\.ndjson$")]
    private static partial Regex FinishedPattern();
}
