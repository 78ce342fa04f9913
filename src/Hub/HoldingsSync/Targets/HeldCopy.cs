namespace Lsb.Hub.HoldingsSync.Targets;

/// <summary>A copy a target holds for a library, as its export or search reports it.</summary>
/// <param name="HoldingId">The canonical copy id it was sent under, or <c>foreign:</c> + the target's key for records the hub did not send.</param>
/// <param name="ControlNumber">The target's control number.</param>
/// <param name="Barcode">The barcode it holds.</param>
/// <param name="BibReference">The title it is attached to.</param>
/// <param name="Digest">What the record says (see <see cref="IHoldingsSyncTarget.Prepare"/>).</param>
public sealed record HeldCopy(string HoldingId, string ControlNumber, string? Barcode, string? BibReference, long Digest);
