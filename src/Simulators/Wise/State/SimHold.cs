using Lsb.Hub.Simulators.Wise.Dialect;

namespace Lsb.Hub.Simulators.Wise.State;

/// <summary>A hold in the simulated Wise system.</summary>
internal sealed class SimHold
{
    public required long Id { get; init; }
    public required string LibraryId { get; init; }
    public required WiseHoldDto Current { get; set; }
}
