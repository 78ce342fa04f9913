using System.Collections.Concurrent;
using System.Net;
using System.Runtime.InteropServices;
using System.Text.Json;
using Lsb.Hub.Adapters.Wise.Dto;
using Lsb.Hub.Adapters.Wise.Http;

namespace Lsb.Hub.Adapters.Wise.Reading;

/// <summary>
/// Fetches the full records of changed patrons: with the bulk call (up to a page at a time) or, for a Wise system
/// without it, one <c>patroninformation</c> call per patron in parallel. Returns the records as read (UTF-8 JSON).
/// </summary>
internal sealed class WisePatronFetcher(WiseConnection connection)
{
    public async Task<IReadOnlyDictionary<string, byte[]>> FetchAsync(string libraryId, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return new Dictionary<string, byte[]>();
        return connection.Options.BulkPatronInformation
            ? await FetchInBulkAsync(libraryId, ids, cancellationToken)
            : await FetchOneByOneAsync(libraryId, ids, cancellationToken);
    }

    private async Task<Dictionary<string, byte[]>> FetchInBulkAsync(string libraryId, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var what = $"fetching patron information of library {libraryId}";
        var records = new Dictionary<string, byte[]>(ids.Count, StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(connection.Options.FeedPageSize))
        {
            using var document = await connection.ReadDocumentAsync(
                (api, c) => api.PatronInformationBatch(libraryId, new WisePatronBatchRequest(chunk), c), what, cancellationToken);
            try
            {
                foreach (var patron in document.RootElement.GetProperty("patrons").EnumerateArray())
                    records[patron.GetProperty("patronSystemId").GetString() ?? string.Empty] = JsonMarshal.GetRawUtf8Value(patron).ToArray();
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException)
            {
                throw connection.Unreadable(what, e);
            }
        }
        return records;
    }

    private async Task<Dictionary<string, byte[]>> FetchOneByOneAsync(string libraryId, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var records = new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = connection.Options.PatronInformationConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(ids, parallel, async (id, ct) =>
        {
            var what = $"fetching patron information of patron {id} of library {libraryId}";
            using var response = await connection.SendAsync((api, c) => api.PatronInformation(id, libraryId, c), what, ct);
            if (response.StatusCode == HttpStatusCode.NotFound) return;
            if (!response.IsSuccessStatusCode)
            {
                var failure = await WiseFailure.ReadAsync(response, ct);
                throw failure.IsKeyRefused ? connection.KeyRefused(failure, what)
                    : WiseResilience.IsTransient(response.StatusCode) ? new IlsUnavailableException($"Wise installation '{connection.Installation.Id}' kept failing while {what} ({failure}).")
                    : new IlsProtocolException($"Wise installation '{connection.Installation.Id}' refused a read while {what} ({failure}).");
            }
            var record = await response.Content.ReadAsByteArrayAsync(ct);
            try
            {
                using var document = JsonDocument.Parse(record);
            }
            catch (JsonException e)
            {
                throw connection.Unreadable(what, e);
            }
            records[id] = record;
        });
        return new Dictionary<string, byte[]>(records, StringComparer.Ordinal);
    }
}
