namespace Lsb.Hub.Canonical.Commands;

/// <summary>Look a member up in their home system: status, blocks, category.</summary>
public sealed record LookupPatron : IlsCommand
{
    /// <summary>The member.</summary>
    public required PatronRef Patron { get; init; }
}
