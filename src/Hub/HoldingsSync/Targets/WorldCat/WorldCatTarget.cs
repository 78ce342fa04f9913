using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Lsb.Hub.HoldingsSync.Batches;
using Lsb.Hub.HoldingsSync.Delivery;
using Lsb.Hub.HoldingsSync.Records;
using Lsb.Hub.Marc;
using Microsoft.Extensions.Options;

namespace Lsb.Hub.HoldingsSync.Targets.WorldCat;

/// <summary>
/// WorldCat: one local holdings record per copy, written with PUT under a control number the hub derives from the
/// canonical copy id (PUT on an unknown number creates), removed with DELETE. Idempotent by control number, and each
/// outcome is committed before the next record is sent; after an interruption the first pending record is first read
/// back (GET) to see whether WorldCat already applied it, so an accepted record is never sent twice.
/// </summary>
public sealed class WorldCatTarget(WorldCatClient client, IOptionsMonitor<HoldingsSyncOptions> options) : IHoldingsSyncTarget
{
    /// <inheritdoc />
    public SyncTargetKind Kind => SyncTargetKind.WorldCat;

    /// <inheritdoc />
    public int PartSize => int.MaxValue;

    /// <inheritdoc />
    public PreparedRecord Prepare(SyncAction action, CatalogueCopy copy, LibraryTarget library, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(copy);
        ArgumentNullException.ThrowIfNull(library);
        var controlNumber = WorldCatLhrRecord.ControlNumber(copy.HoldingId);
        if (action == SyncAction.Delete) return new PreparedRecord("", 0, controlNumber, copy.BibReference, null);
        if (copy.OclcNumber is null)
            return PreparedRecord.Unmatched(controlNumber,
                "no OCLC number: a WorldCat LHR must point at a bibliographic record (004). Add the title's OCLC number in the library system.");
        var symbol = library.Symbol ?? options.CurrentValue.WorldCat.DefaultSymbol ?? "";
        var record = WorldCatLhrRecord.Build(copy, symbol, at);
        var xml = MarcXmlWriter.ToXml(record, new MarcXmlWriterOptions { Collection = false, Indent = false });
        return new PreparedRecord(xml, WorldCatLhrRecord.Digest(record), controlNumber, copy.OclcNumber, null);
    }

    /// <inheritdoc />
    public async Task DeliverAsync(BatchDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var pending = await delivery.PendingAsync(cancellationToken);
        var checkFirst = delivery.Resuming;
        foreach (var record in pending)
        {
            if (checkFirst)
            {
                checkFirst = false;
                if (await AlreadyAppliedAsync(record, cancellationToken))
                {
                    await delivery.RecordAsync([new RecordOutcome(record.Sequence, RecordStatus.Accepted, "already applied by WorldCat before the delivery was interrupted")], cancellationToken);
                    continue;
                }
            }
            var outcome = record.Action == SyncAction.Delete ? await DeleteAsync(record, cancellationToken) : await PutAsync(record, cancellationToken);
            await delivery.RecordAsync([outcome], cancellationToken);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<HeldCopy> ReadHoldingsAsync(LibraryTarget library, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(library);
        var symbol = library.Symbol ?? "";
        var size = options.CurrentValue.WorldCat.SearchPageSize;
        for (var offset = 1; ; offset += size)
        {
            using var response = await client.SearchAsync(symbol, library.Isil, offset, size, cancellationToken);
            await EnsureAsync(response, $"the LHRs of {library.Isil}", cancellationToken);
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var total = document.RootElement.TryGetProperty("numberOfHoldings", out var n) ? n.GetInt32() : 0;
            var page = document.RootElement.TryGetProperty("detailedHoldings", out var d) ? d.EnumerateArray().ToList() : [];
            foreach (var lhr in page) yield return Held(lhr);
            if (page.Count == 0 || offset + size > total) yield break;
        }
    }

    private static HeldCopy Held(JsonElement lhr)
    {
        static string? Text(JsonElement e, params string[] path)
        {
            foreach (var name in path)
            {
                if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out e)) return null;
            }
            return e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        }
        var controlNumber = Text(lhr, "lhrControlNumber") ?? "";
        var barcode = lhr.TryGetProperty("holdingParts", out var parts) && parts.ValueKind == JsonValueKind.Array && parts.GetArrayLength() > 0
            ? Text(parts[0], "pieceDesignation") : null;
        var oclc = Text(lhr, "oclcNumber");
        var digest = WorldCatLhrRecord.Digest(oclc, Text(lhr, "location", "holdingLocation"), Text(lhr, "location", "sublocationCollection"),
            Text(lhr, "location", "shelvingLocation"), Text(lhr, "callNumber", "classificationPart"), barcode);
        return new HeldCopy(WorldCatLhrRecord.HoldingIdOf(controlNumber), controlNumber, barcode, oclc, digest);
    }

    private async Task<bool> AlreadyAppliedAsync(SyncRecord record, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(record.ControlNumber, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return record.Action == SyncAction.Delete;
        if (!response.IsSuccessStatusCode || record.Action == SyncAction.Delete) return false;
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var held = MarcXmlReader.ReadAll(stream, MarcReaderOptions.Lenient).FirstOrDefault();
        return held is not null && WorldCatLhrRecord.Digest(held) == record.Digest;
    }

    private async Task<RecordOutcome> PutAsync(SyncRecord record, CancellationToken cancellationToken)
    {
        using var response = await client.PutAsync(record.ControlNumber, record.Payload ?? "", cancellationToken);
        if (response.IsSuccessStatusCode) return new RecordOutcome(record.Sequence, RecordStatus.Accepted, null);
        return await RefusalAsync(record, response, cancellationToken);
    }

    private async Task<RecordOutcome> DeleteAsync(SyncRecord record, CancellationToken cancellationToken)
    {
        using var response = await client.DeleteAsync(record.ControlNumber, cancellationToken);
        if (response.IsSuccessStatusCode) return new RecordOutcome(record.Sequence, RecordStatus.Accepted, null);
        if (response.StatusCode == HttpStatusCode.NotFound) return new RecordOutcome(record.Sequence, RecordStatus.Accepted, "the LHR was already gone");
        return await RefusalAsync(record, response, cancellationToken);
    }

    private static async Task<RecordOutcome> RefusalAsync(SyncRecord record, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            throw new HoldingsDeliveryRefusedException(
                $"WorldCat refused the hub's WSKey for LHR {record.ControlNumber} of library {record.Isil} ({(int)response.StatusCode}: {body}): check the key's scopes and the library's symbol, then replay this message.");
        if (response.StatusCode != HttpStatusCode.BadRequest)
            throw new HttpRequestException($"WorldCat answered {(int)response.StatusCode} for LHR {record.ControlNumber}: {body}", null, response.StatusCode);
        var (reasons, bibliographic) = Validation(body);
        return new RecordOutcome(record.Sequence, bibliographic ? RecordStatus.Unmatched : RecordStatus.Rejected, reasons);
    }

    /// <summary>The validation messages of a 400, and whether they concern only the bibliographic link (004): the title is unknown.</summary>
    private static (string Reason, bool Bibliographic) Validation(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var messages = new StringBuilder(root.TryGetProperty("detail", out var detail) ? detail.GetString() : "invalid record");
            var tags = new List<string>();
            if (root.TryGetProperty("variableFieldErrors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                foreach (var error in errors.EnumerateArray())
                {
                    var tag = error.TryGetProperty("tag", out var t) ? t.GetString() ?? "" : "";
                    tags.Add(tag);
                    messages.Append(' ').Append(tag).Append(": ").Append(error.TryGetProperty("message", out var m) ? m.GetString() : "");
                }
            }
            return (messages.ToString(), tags.Count > 0 && tags.All(t => t == "004"));
        }
        catch (JsonException)
        {
            return (body, false);
        }
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            throw new HoldingsDeliveryRefusedException($"WorldCat refused to list {what} ({(int)response.StatusCode}): {body}");
        throw new HttpRequestException($"WorldCat failed to list {what} ({(int)response.StatusCode}): {body}", null, response.StatusCode);
    }
}
