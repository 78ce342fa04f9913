using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Lsb.Hub.HoldingsSync.Batches;
using Lsb.Hub.HoldingsSync.Delivery;
using Lsb.Hub.HoldingsSync.Records;
using Lsb.Hub.Marc;
using Microsoft.Extensions.Options;

namespace Lsb.Hub.HoldingsSync.Targets.Ggc;

/// <summary>
/// GGC: per library and day one batch, delivered as files of at most <see cref="GgcTargetOptions.RecordsPerFile"/>
/// MARC 21 holdings records (ISO 2709) plus a manifest; GGC imports a file once per name and answers a report per
/// record. Exactly once: each part's outcomes are committed before the next part is sent, and a part that may have been
/// in flight when a delivery was interrupted is first looked up by name (its report), not sent again.
/// </summary>
public sealed class GgcTarget(GgcClient client, IOptionsMonitor<HoldingsSyncOptions> options) : IHoldingsSyncTarget
{
    /// <inheritdoc />
    public SyncTargetKind Kind => SyncTargetKind.Ggc;

    /// <inheritdoc />
    public int PartSize => options.CurrentValue.Ggc.RecordsPerFile;

    /// <inheritdoc />
    public PreparedRecord Prepare(SyncAction action, CatalogueCopy copy, LibraryTarget library, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(copy);
        if (action != SyncAction.Delete && !copy.HasTitleIdentifier)
            return PreparedRecord.Unmatched(copy.HoldingId,
                "no PPN, ISBN or OCLC number: GGC cannot attach the copy to a title. Add an identifier to the title in the library system.");
        var record = GgcHoldingsRecord.Build(action, copy, options.CurrentValue.ControlNumberIdentifier, at);
        return new PreparedRecord(Encoding.UTF8.GetString(Iso2709Writer.ToBytes(record)), RecordDigest.OfRecord(record), copy.HoldingId, copy.BibReference, null);
    }

    /// <inheritdoc />
    public async Task DeliverAsync(BatchDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var pending = await delivery.PendingAsync(cancellationToken);
        foreach (var part in pending.Select(r => r.Part).Distinct().Order())
        {
            var records = await delivery.PartAsync(part, cancellationToken);
            var file = FileName(delivery.Batch, part);
            var report = delivery.Resuming ? await client.ReportAsync(file, cancellationToken) : null;
            if (report is null)
            {
                var bytes = Encoding.UTF8.GetBytes(string.Concat(records.Select(r => r.Payload)));
                await client.UploadAsync(file, bytes, cancellationToken);
                report = await client.ImportAsync(new GgcManifestDocument(file, delivery.Batch.Isil, delivery.Library.Iln, delivery.Batch.BusinessDay,
                    records.Count, Convert.ToHexStringLower(SHA256.HashData(bytes)), "LSB Hub", delivery.Batch.Id, part, delivery.Batch.Parts), cancellationToken);
            }
            await delivery.RecordAsync(Outcomes(report, records, file), cancellationToken);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<HeldCopy> ReadHoldingsAsync(LibraryTarget library, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(library);
        using var response = await client.HoldingsAsync(library.Isil, cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        await foreach (var record in Iso2709Reader.ReadAllAsync(stream, MarcReaderOptions.Lenient, cancellationToken))
        {
            var id = record.ControlNumber ?? "";
            yield return new HeldCopy(id.StartsWith("hld-", StringComparison.Ordinal) ? id : "foreign:" + id, id,
                record.GetDataField("876")?['p'], record.GetControlField("004")?.Value, RecordDigest.OfRecord(record));
        }
    }

    /// <summary>The file name of a part: <c>{ILN or ISIL}-{yyyyMMdd}-{sequence}-{part}.mrc</c>.</summary>
    public static string FileName(SyncBatch batch, int part)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return $"{batch.Label}-{part:000}.mrc";
    }

    private static List<RecordOutcome> Outcomes(GgcReport report, List<SyncRecord> records, string file)
    {
        if (report.Outcomes.Count != records.Count)
            throw new InvalidOperationException($"GGC's report of {file} lists {report.Outcomes.Count} records; the file held {records.Count}.");
        var outcomes = new List<RecordOutcome>(records.Count);
        foreach (var o in report.Outcomes)
        {
            var record = o.Sequence >= 1 && o.Sequence <= records.Count ? records[o.Sequence - 1]
                : throw new InvalidOperationException($"GGC's report of {file} names record {o.Sequence}, which the file does not have.");
            if (o.RecordId is not null && o.RecordId != record.ControlNumber)
                throw new InvalidOperationException($"GGC's report of {file} gives record {o.Sequence} as {o.RecordId}; the hub sent {record.ControlNumber}.");
            var result = o.Result switch
            {
                "accepted" => RecordStatus.Accepted,
                "unmatched" => RecordStatus.Unmatched,
                _ => RecordStatus.Rejected,
            };
            outcomes.Add(new RecordOutcome(record.Sequence, result, o.Reason));
        }
        return outcomes;
    }
}
