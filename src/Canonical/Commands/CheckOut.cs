namespace Lsb.Hub.Canonical.Commands;

/// <summary>Lend a copy to a member (or to a borrowing library's institutional patron).</summary>
public sealed record CheckOut : IlsCommand
{
    /// <summary>The borrower.</summary>
    public required PatronRef Patron { get; init; }
    /// <summary>The copy.</summary>
    public required ItemRef Item { get; init; }
    /// <summary>A due date to set, if the caller decides it.</summary>
    public DateTimeOffset? DueAt { get; init; }
}
