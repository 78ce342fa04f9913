using System.Text;
using System.Text.Json;
using Lsb.Hub.FailedMessages.Comments;
using Lsb.Hub.FailedMessages.Replay;
using Lsb.Hub.FailedMessages.Stamping;
using Wolverine.Persistence.Durability;
using Wolverine.Persistence.Durability.DeadLetterManagement;
using Wolverine.Runtime;

namespace Lsb.Hub.FailedMessages.Store;

/// <summary>
/// The failed-message store as administrators see it: Wolverine's dead-letter storage in the hub's database
/// (failed and archived messages) plus the hub's record of resolved messages and outstanding replays.
/// </summary>
public sealed class FailedMessageStore(IWolverineRuntime runtime, ResolvedMessages resolved, ReplayLedger ledger, GroupComments comments)
{
    /// <summary>The service name Wolverine summaries are labelled with.</summary>
    private const string ServiceName = "lsb-hub";

    /// <summary>Wolverine's dead letters.</summary>
    public IDeadLetters DeadLetters => runtime.Storage.DeadLetters;

    /// <summary>A page of messages with <paramref name="status"/> matching <paramref name="filter"/>.</summary>
    public async Task<FailedMessagePage> QueryAsync(FailedMessageFilter filter, FailedMessageStatus status, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (status == FailedMessageStatus.Resolved) return await resolved.QueryAsync(filter, page, pageSize, cancellationToken);
        var archived = status == FailedMessageStatus.Archived ? DeadLetterArchiveFilter.Only : DeadLetterArchiveFilter.Exclude;
        var results = await DeadLetters.QueryAsync(filter.ToQuery(archived, page, pageSize), cancellationToken);
        var replaying = await ledger.PendingAmongAsync([.. results.Envelopes.Select(e => e.Id)], cancellationToken);
        return new FailedMessagePage([.. results.Envelopes.Select(e => Summarize(e, replaying.Contains(e.Id)))], page, pageSize, results.TotalCount);
    }

    /// <summary>One message in full, or null when the hub knows no message with this id.</summary>
    public async Task<FailedMessageDetail?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var history = await ledger.HistoryAsync(id, cancellationToken);
        var letter = await DeadLetters.DeadLetterEnvelopeByIdAsync(id);
        if (letter is not null)
        {
            var replaying = history.Any(h => h.Outcome == ReplayOutcome.Pending);
            var headers = letter.Envelope.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.Ordinal);
            headers.TryGetValue(FailedMessageHeaders.StackTrace, out var frames);
            return new FailedMessageDetail(Summarize(letter, replaying), Pretty(letter.Envelope.Data), headers,
                StackTrace(letter.ExceptionType, letter.ExceptionMessage, frames),
                letter.ReceivedAt, letter.SentAt, letter.LastReplayedAt, history);
        }
        var row = await resolved.GetAsync(id, cancellationToken);
        if (row is null) return null;
        var stored = row.Headers is null ? new Dictionary<string, string?>()
            : JsonSerializer.Deserialize<Dictionary<string, string?>>(row.Headers) ?? [];
        stored.TryGetValue(FailedMessageHeaders.StackTrace, out var resolvedFrames);
        return new FailedMessageDetail(row.ToSummary(), row.Body, stored, StackTrace(row.ExceptionType, row.ExceptionMessage, resolvedFrames), null, null,
            history.LastOrDefault(h => h.Outcome == ReplayOutcome.Succeeded)?.RequestedAt, history);
    }

    /// <summary>The groups of failed (not archived) messages matching <paramref name="filter"/>, largest first.</summary>
    public async Task<IReadOnlyList<FailedMessageGroup>> GroupsAsync(FailedMessageFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var summaries = await DeadLetters.SummarizeAllAsync(ServiceName, new DeadLetterSummaryOptions
        {
            Grouping = DeadLetterGrouping.FailureGroup,
            Query = filter.ToQuery(DeadLetterArchiveFilter.Exclude, 1, 0),
        }, cancellationToken);
        var commentCounts = await comments.CountsAsync(cancellationToken);
        var groups = new List<FailedMessageGroup>(summaries.Count);
        foreach (var summary in summaries)
        {
            var sample = await DeadLetters.QueryAsync(new DeadLetterEnvelopeQuery { FailureGroup = summary.Key, PageSize = 1 }, cancellationToken);
            var first = sample.Envelopes.FirstOrDefault();
            var parts = FailedMessageFingerprinter.Parse(summary.Title);
            groups.Add(new FailedMessageGroup(
                summary.Key,
                parts?.ExceptionType ?? summary.ExceptionType ?? first?.ExceptionType ?? "unknown",
                parts?.MessageType ?? first?.MessageType ?? "unknown",
                parts?.Installation ?? Header(first, FailedMessageHeaders.Installation) ?? "-",
                summary.Count, summary.FirstFailedAt, summary.LastFailedAt, first?.ExceptionMessage,
                commentCounts.GetValueOrDefault(summary.Key)));
        }
        return [.. groups.OrderByDescending(g => g.Count).ThenBy(g => g.Key, StringComparer.Ordinal)];
    }

    /// <summary>Every message matching <paramref name="filter"/> (id, replay count, archived?), read page by page.</summary>
    public async Task<IReadOnlyList<DeadLetterEnvelope>> SelectAsync(FailedMessageFilter filter, DeadLetterArchiveFilter archived, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var all = new List<DeadLetterEnvelope>();
        for (var page = 1; ; page++)
        {
            var results = await DeadLetters.QueryAsync(filter.ToQuery(archived, page, 1000), cancellationToken);
            all.AddRange(results.Envelopes);
            if (results.Envelopes.Count < 1000) break;
        }
        return all;
    }

    /// <summary>The dead letters with these ids (archived or not), by id.</summary>
    public async Task<IReadOnlyDictionary<Guid, DeadLetterEnvelope>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return new Dictionary<Guid, DeadLetterEnvelope>();
        var results = await DeadLetters.QueryAsync(new DeadLetterEnvelopeQuery { MessageIds = [.. ids], PageSize = 0 }, cancellationToken);
        return results.Envelopes.GroupBy(e => e.Id).ToDictionary(g => g.Key, g => g.First());
    }

    /// <summary>The list view of a dead letter.</summary>
    public static FailedMessageSummary Summarize(DeadLetterEnvelope letter, bool replaying)
    {
        ArgumentNullException.ThrowIfNull(letter);
        return new FailedMessageSummary(
            letter.Id,
            letter.ArchivedAt is null ? FailedMessageStatus.Failed : FailedMessageStatus.Archived,
            letter.MessageType,
            letter.ExceptionType,
            letter.ExceptionMessage,
            Header(letter, FailedMessageHeaders.Installation),
            Header(letter, FailedMessageHeaders.Vendor),
            Header(letter, FailedMessageHeaders.Library),
            letter.FailureGroup,
            letter.FirstFailedAt ?? letter.FailedAt ?? letter.SentAt,
            letter.FailedAt ?? letter.SentAt,
            letter.ReplayCount + 1,
            letter.Envelope.Attempts,
            letter.ArchivedAt,
            null,
            replaying);
    }

    /// <summary>The exception as .NET prints it: type and message, then the stack frames Wolverine kept.</summary>
    public static string StackTrace(string exceptionType, string? exceptionMessage, string? frames)
        => $"{exceptionType}: {exceptionMessage}" + (string.IsNullOrEmpty(frames) ? "" : "\n" + frames);

    /// <summary>A header of a dead letter, or null.</summary>
    public static string? Header(DeadLetterEnvelope? letter, string name)
        => letter is not null && letter.Envelope.Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The body as indented JSON, or as text when it is not JSON.</summary>
    public static string? Pretty(byte[]? data)
    {
        if (data is null || data.Length == 0) return null;
        try
        {
            using var document = JsonDocument.Parse(data);
            return JsonSerializer.Serialize(document.RootElement, PrettyOptions);
        }
        catch (JsonException)
        {
            return Encoding.UTF8.GetString(data);
        }
    }

    private static readonly JsonSerializerOptions PrettyOptions = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
