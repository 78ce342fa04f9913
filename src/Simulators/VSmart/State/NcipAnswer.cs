namespace Lsb.Hub.Simulators.VSmart.State;

/// <summary>What an NCIP service gave: a value or a problem.</summary>
internal readonly record struct NcipAnswer<T>(T? Value, NcipProblem? Problem)
{
    public static implicit operator NcipAnswer<T>(T value) => new(value, null);

    public static implicit operator NcipAnswer<T>(NcipProblem problem) => new(default, problem);
}
