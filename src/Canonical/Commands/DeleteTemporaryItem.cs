namespace Lsb.Hub.Canonical.Commands;

/// <summary>Remove a temporary copy once the interlibrary loan has gone back.</summary>
public sealed record DeleteTemporaryItem : IlsCommand
{
    /// <summary>The temporary copy.</summary>
    public required ItemRef Item { get; init; }
}
