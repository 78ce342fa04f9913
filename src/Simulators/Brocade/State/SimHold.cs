namespace Lsb.Hub.Simulators.Brocade.State;

/// <summary>A hold (reservering) on a copy (by barcode) or on a title.</summary>
internal sealed class SimHold
{
    public required SimMember Member { get; init; }
    public SimCopy? Copy { get; init; }
    public required SimTitle Title { get; init; }
    public required string Pickup { get; init; }
    public bool Cancelled { get; set; }
    /// <summary>How many SIP2 hold requests (15 with mode +) asked for this hold: 1, plus every repeat refused as already held.</summary>
    public int Requests { get; set; } = 1;
}
