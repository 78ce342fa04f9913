namespace Lsb.Hub.Canonical.Commands;

/// <summary>Create a temporary copy at the borrowing library for an interlibrary loan that has arrived.</summary>
public sealed record CreateTemporaryItem : IlsCommand
{
    /// <summary>The barcode the temporary copy gets (usually the lender's barcode).</summary>
    public required string Barcode { get; init; }
    /// <summary>Title, for the temporary record.</summary>
    public required string Title { get; init; }
    /// <summary>Author, for the temporary record.</summary>
    public string? Author { get; init; }
    /// <summary>The lending library.</summary>
    public required string OwningIsil { get; init; }
    /// <summary>For whom the copy is (the member at the borrowing library).</summary>
    public PatronRef? Patron { get; init; }
    /// <summary>Where it is picked up.</summary>
    public string? PickupLocation { get; init; }
    /// <summary>The hub's request id.</summary>
    public string? ExternalRequestId { get; init; }
}
