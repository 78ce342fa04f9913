namespace Lsb.Hub.Canonical.Commands;

/// <summary>Cancel a hold placed earlier.</summary>
public sealed record CancelHold : IlsCommand
{
    /// <summary>The hold's id in the target system (from the PlaceHold result).</summary>
    public required string VendorRequestId { get; init; }
    /// <summary>Who the hold was for.</summary>
    public PatronRef? Patron { get; init; }
}
