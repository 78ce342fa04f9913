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
    string? VendorLibraryId = null);
