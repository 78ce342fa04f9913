using Lsb.Hub.Simulators.Wise.Dialect;

namespace Lsb.Hub.Simulators.Wise.State;

/// <summary>One library organisation: its feeds and the indexes the delta endpoints page through.</summary>
internal sealed class LibraryState(WiseLibrarySpec spec)
{
    public WiseLibrarySpec Spec { get; } = spec;

    public string MainBranchId => Spec.Branches[0].BranchId;

    /// <summary>Live patrons ordered by (last modification ticks, id): what <c>updatedpatron</c> pages through.</summary>
    public ModificationOrder PatronsByModification { get; } = new();

    /// <summary>Deleted patrons in order of deletion.</summary>
    public List<WiseDeletedPatronDto> DeletedPatrons { get; } = [];

    /// <summary>The item mutation feed; entry i has mutation number i + 1.</summary>
    public MutationFeed<WiseItemMutationDto> ItemFeed { get; } = new(WiseSimJsonContext.Default.WiseItemMutationDto);

    /// <summary>The loan mutation feed; entry i has mutation number i + 1.</summary>
    public MutationFeed<WiseLoanMutationDto> LoanFeed { get; } = new(WiseSimJsonContext.Default.WiseLoanMutationDto);

    public PickList Patrons { get; } = new();
    public PickList Items { get; } = new();
    public PickList OpenLoans { get; } = new();

    public string RandomBranch(Bogus.Randomizer random) => Spec.Branches[random.Int(0, Spec.Branches.Count - 1)].BranchId;

    public bool HasBranch(string? branchId) => branchId is not null && Spec.Branches.Any(b => b.BranchId == branchId);
}
