namespace Lsb.Hub.Adapters.Changes;

/// <summary>
/// One change read from an installation, still in the vendor's own terms. The hub treats <see cref="Payload"/> as
/// opaque (it travels on the bus and is shown to administrators when a change fails) and hands it back to
/// <see cref="IIlsAdapter.Translate"/>.
/// </summary>
/// <param name="Feed">Which of the vendor's feeds it came from, e.g. "patron", "item", "loan".</param>
/// <param name="LocalId">The vendor's id of the member, copy or loan.</param>
/// <param name="SourceEventId">Stable id of this change: the same change read twice MUST have the same id.</param>
/// <param name="SourceVersion">A number that grows with every change of the same entity at the source (a mutation
/// number, a timestamp in ticks). The hub ignores a change whose version is not newer than what it holds.</param>
/// <param name="ChangedAt">When the change happened at the source.</param>
/// <param name="Payload">The vendor record (JSON, XML or CSV row), as read.</param>
/// <param name="VendorLibraryId">The vendor's library id the change belongs to, if the feed is per library.</param>
public sealed record VendorChange(
    string Feed,
    string LocalId,
    string SourceEventId,
    long SourceVersion,
    DateTimeOffset ChangedAt,
    string Payload,
    string? VendorLibraryId = null)
{
    private string? _payload = Payload;
    private readonly ReadOnlyMemory<byte> _utf8Payload;
    private object? _decoded;

    private VendorChange(string feed, string localId, string sourceEventId, long sourceVersion, DateTimeOffset changedAt, ReadOnlyMemory<byte> utf8Payload,
        string? vendorLibraryId)
        : this(feed, localId, sourceEventId, sourceVersion, changedAt, (string)null!, vendorLibraryId)
        => _utf8Payload = utf8Payload;

    /// <summary>A change whose record was read as UTF-8 (JSON): the adapter's translator reads those bytes, and the text of
    /// <see cref="Payload"/> is only made when someone asks for it (the bus, a failed change shown to an administrator).
    /// Most changes never need it: decoding every record to a string and back cost a tenth of ingest's CPU.</summary>
    public static VendorChange OfUtf8(string feed, string localId, string sourceEventId, long sourceVersion, DateTimeOffset changedAt,
        ReadOnlyMemory<byte> utf8Payload, string? vendorLibraryId = null)
        => new(feed, localId, sourceEventId, sourceVersion, changedAt, utf8Payload, vendorLibraryId);

    /// <summary>The vendor record (JSON, XML or CSV row), as read.</summary>
    public string Payload
    {
        get => _payload ??= System.Text.Encoding.UTF8.GetString(_utf8Payload.Span);
        init => _payload = value;
    }

    /// <summary>The record as UTF-8, when the adapter kept it so (<see cref="OfUtf8"/>); empty otherwise.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public ReadOnlyMemory<byte> Utf8Payload => _utf8Payload;

    /// <summary>Attaches the adapter's own reading of the record, made while it read the page, so that its translator need
    /// not parse <see cref="Payload"/> again (see <see cref="TakeDecoded"/>). Not part of the change's value: it is neither
    /// compared nor sent on the bus.</summary>
    public VendorChange WithDecoded(object decoded)
    {
        _decoded = decoded;
        return this;
    }

    /// <summary>What <see cref="WithDecoded"/> attached, handed out once (null after that, or if nothing was attached): the
    /// translator takes it, and the change no longer keeps it alive while its page waits to be applied. A change translated
    /// again (replayed from the bus) is read from its payload.</summary>
    public object? TakeDecoded() => Interlocked.Exchange(ref _decoded, null);

    /// <summary>Equal when every member is, the payload compared as text however it was kept.</summary>
    public bool Equals(VendorChange? other) => other is not null && Feed == other.Feed && LocalId == other.LocalId && SourceEventId == other.SourceEventId
        && SourceVersion == other.SourceVersion && ChangedAt == other.ChangedAt && VendorLibraryId == other.VendorLibraryId && Payload == other.Payload;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Feed, LocalId, SourceEventId, SourceVersion, ChangedAt, VendorLibraryId);
}
