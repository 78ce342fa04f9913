namespace Lsb.Hub.Canonical.Commands;

/// <summary>Return a copy. Checking in a copy that is not on loan is <see cref="CommandOutcome.AlreadyDone"/>.</summary>
public sealed record CheckIn : IlsCommand
{
    /// <summary>The copy.</summary>
    public required ItemRef Item { get; init; }
}
