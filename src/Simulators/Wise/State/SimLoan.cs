using Lsb.Hub.Simulators.Wise.Dialect;

namespace Lsb.Hub.Simulators.Wise.State;

/// <summary>A loan in the simulated Wise system.</summary>
internal sealed class SimLoan
{
    public required long Id { get; init; }
    public required string LibraryId { get; init; }
    public required long ItemId { get; init; }
    public required long PatronId { get; init; }
    public required WiseLoanDto Current { get; set; }
}
