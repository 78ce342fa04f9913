namespace Lsb.Hub.HoldingsSync.Targets;

/// <summary>A catalogue record ready to be stored with a batch, or the reason the catalogue cannot hold the copy.</summary>
/// <param name="Payload">The record as it will be sent (ISO 2709 text for GGC, MARCXML for WorldCat); null when unmatched.</param>
/// <param name="Digest">What the record says, comparable with <see cref="HeldCopy.Digest"/>.</param>
/// <param name="ControlNumber">The record's control number at the target.</param>
/// <param name="BibReference">The title it is attached to (004).</param>
/// <param name="UnmatchedReason">Why the catalogue cannot hold the copy, or null.</param>
public sealed record PreparedRecord(string? Payload, long Digest, string ControlNumber, string? BibReference, string? UnmatchedReason)
{
    /// <summary>A copy the catalogue cannot hold.</summary>
    public static PreparedRecord Unmatched(string controlNumber, string reason) => new(null, 0, controlNumber, null, reason);
}
