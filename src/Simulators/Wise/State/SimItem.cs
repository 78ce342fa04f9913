using Lsb.Hub.Simulators.Wise.Dialect;

namespace Lsb.Hub.Simulators.Wise.State;

/// <summary>A copy in the simulated Wise system: its current record and whether it is lent.</summary>
internal sealed class SimItem
{
    public required long Id { get; init; }
    public required string LibraryId { get; init; }
    public required WiseItemDto Current { get; set; }
    public long? OpenLoanId { get; set; }
    public bool Removed { get; set; }
}
