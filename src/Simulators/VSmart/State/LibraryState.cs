namespace Lsb.Hub.Simulators.VSmart.State;

/// <summary>One library of the installation and the ids activity is generated from.</summary>
internal sealed class LibraryState(VSmartLibrarySpec spec)
{
    public VSmartLibrarySpec Spec { get; } = spec;

    public string MainBranch => Spec.Branches[0].BranchCode;

    public PickList Borrowers { get; } = new();

    /// <summary>Copies in the collection (not withdrawn, not temporary).</summary>
    public PickList Copies { get; } = new();

    public PickList OpenLoans { get; } = new();

    public string RandomBranch(Bogus.Randomizer random) => Spec.Branches[random.Int(0, Spec.Branches.Count - 1)].BranchCode;

    public bool HasBranch(string? branchCode) => branchCode is not null && Spec.Branches.Any(b => b.BranchCode == branchCode);
}
