namespace Lsb.Hub.Adapters.Brocade.Commands;

/// <summary>
/// SIP2 gives a hold no id: a hold is cancelled (15 with mode <c>-</c>) by patron and copy or title. The hub's
/// <c>VendorRequestId</c> for a Brocade hold is therefore <c>C:{patron}:{barcode}</c> or <c>T:{patron}:{title number}</c>.
/// </summary>
internal sealed record HoldReference(bool OnCopy, string Patron, string Target)
{
    public override string ToString() => $"{(OnCopy ? 'C' : 'T')}:{Patron}:{Target}";

    public static HoldReference? Parse(string text)
    {
        var parts = text.Split(':', 3);
        return parts.Length == 3 && parts[0] is "C" or "T" && parts[1].Length > 0 && parts[2].Length > 0
            ? new HoldReference(parts[0] == "C", parts[1], parts[2]) : null;
    }
}
