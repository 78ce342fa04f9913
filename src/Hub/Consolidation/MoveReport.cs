namespace Lsb.Hub.Consolidation;

/// <summary>
/// The validation of a move, given before anything changes: counts per entity, the problems that refuse it (every
/// one of them, not only the first) and warnings that do not.
/// </summary>
public sealed record MoveReport
{
    /// <summary>True when the move can run: no problems.</summary>
    public bool Ok => Problems.Count == 0;

    /// <summary>The library's ISIL as asked.</summary>
    public required string Isil { get; init; }

    /// <summary>Where the library is now (null when unknown).</summary>
    public string? SourceInstallation { get; init; }

    /// <summary>Where it goes.</summary>
    public string? TargetInstallation { get; init; }

    /// <summary>Members.</summary>
    public EntityCounts? Members { get; init; }

    /// <summary>Copies.</summary>
    public EntityCounts? Copies { get; init; }

    /// <summary>Loans.</summary>
    public EntityCounts? Loans { get; init; }

    /// <summary>What refuses the move.</summary>
    public IReadOnlyList<MoveProblem> Problems { get; init; } = [];

    /// <summary>What does not refuse it but an administrator should know (e.g. ended loans the map leaves out: their history stays).</summary>
    public IReadOnlyList<MoveProblem> Warnings { get; init; } = [];
}
