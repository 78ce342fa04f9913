namespace Lsb.Hub.Canonical.Commands;

/// <summary>Renew a loan.</summary>
public sealed record RenewLoan : IlsCommand
{
    /// <summary>The borrower.</summary>
    public required PatronRef Patron { get; init; }
    /// <summary>The copy.</summary>
    public required ItemRef Item { get; init; }
}
