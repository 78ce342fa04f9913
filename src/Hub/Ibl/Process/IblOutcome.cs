namespace Lsb.Hub.Ibl.Process;

/// <summary>What applying an input came to.</summary>
public enum IblOutcomeKind
{
    /// <summary>Applied (it may have changed nothing, e.g. a stale timer).</summary>
    Applied,
    /// <summary>Not allowed now; <see cref="IblOutcome.Message"/> says why and what to do.</summary>
    Refused,
    /// <summary>The request does not exist.</summary>
    NotFound,
}

/// <summary>The result of <see cref="IblProcess.ApplyAsync"/>.</summary>
public sealed record IblOutcome(IblOutcomeKind Kind, string? Message = null)
{
    /// <summary>Applied.</summary>
    public static IblOutcome Applied { get; } = new(IblOutcomeKind.Applied);

    /// <summary>Refused with a reason.</summary>
    public static IblOutcome Refused(string message) => new(IblOutcomeKind.Refused, message);
}
