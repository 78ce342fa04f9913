using JasperFx.Core;
using Lsb.Hub.FailedMessages.Stamping;
using Wolverine.Persistence.Durability.DeadLetterManagement;

namespace Lsb.Hub.FailedMessages.Store;

/// <summary>
/// Which failed messages a list, a bulk replay, an archive or a discard applies to. Every criterion is optional;
/// all given criteria must match. Times are the last failure time (inclusive).
/// </summary>
public sealed record FailedMessageFilter
{
    /// <summary>The message type as stored, e.g. <c>Lsb.Hub.Ingest.IngestChange</c>.</summary>
    public string? MessageType { get; init; }
    /// <summary>The exception type (full name), e.g. <c>Lsb.Hub.Adapters.MappingMissingException</c>.</summary>
    public string? ExceptionType { get; init; }
    /// <summary>The installation id.</summary>
    public string? Installation { get; init; }
    /// <summary>The vendor: Wise, VSmart or Brocade.</summary>
    public string? Vendor { get; init; }
    /// <summary>The library's ISIL.</summary>
    public string? Library { get; init; }
    /// <summary>Failed at or after.</summary>
    public DateTimeOffset? From { get; init; }
    /// <summary>Failed at or before.</summary>
    public DateTimeOffset? To { get; init; }
    /// <summary>The group key (see <see cref="FailedMessageFingerprinter"/>).</summary>
    public string? Group { get; init; }

    /// <summary>True when no criterion is set (the filter matches everything).</summary>
    public bool IsEmpty => MessageType is null && ExceptionType is null && Installation is null && Vendor is null
        && Library is null && From is null && To is null && Group is null;

    /// <summary>The Wolverine dead-letter query for this filter.</summary>
    public DeadLetterEnvelopeQuery ToQuery(DeadLetterArchiveFilter archived, int page, int pageSize)
    {
        var query = new DeadLetterEnvelopeQuery
        {
            MessageType = MessageType,
            ExceptionType = ExceptionType,
            FailureGroup = Group,
            Archived = archived,
            Range = new TimeRange(From, To),
            RangeOn = DeadLetterTimeField.FailedAt,
            PageNumber = page,
            PageSize = pageSize,
        };
        if (Installation is not null) query.Header(FailedMessageHeaders.Installation, Installation);
        if (Vendor is not null) query.Header(FailedMessageHeaders.Vendor, Vendor);
        if (Library is not null) query.Header(FailedMessageHeaders.Library, Library.ToUpperInvariant());
        return query;
    }
}
