namespace Lsb.Hub.Simulators.Brocade.Control;

/// <summary>Which export to write.</summary>
public enum ExportKind
{
    /// <summary>Everything changed since the previous delta export (<c>DELTA</c>), with a mutation column / record status.</summary>
    Delta,
    /// <summary>Every current member, copy and open loan (<c>VOLLEDIG</c>), as written nightly.</summary>
    Full,
}
