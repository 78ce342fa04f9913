namespace Lsb.Hub.Ibl.Api;

/// <summary>The body of <c>POST /api/v1/ibl/requests</c>.</summary>
public sealed record PlaceIblRequest
{
    /// <summary>The borrowing library (its ISIL; a branch's ISIL is its library's).</summary>
    public string? RequestingIsil { get; init; }
    /// <summary>The member (canonical id <c>mbr-…</c>); or give <see cref="CardNumber"/>.</summary>
    public string? MemberId { get; init; }
    /// <summary>The member's card number at the requesting library, when the canonical id is not at hand.</summary>
    public string? CardNumber { get; init; }
    /// <summary>ISBN/EAN of the title.</summary>
    public string? Isbn { get; init; }
    /// <summary>PPN (GGC/NBC+).</summary>
    public string? Ppn { get; init; }
    /// <summary>OCLC (WorldCat) number.</summary>
    public string? OclcNumber { get; init; }
    /// <summary>Title, for people reading the request (sourcing fills it in from the holdings otherwise).</summary>
    public string? Title { get; init; }
    /// <summary>Author.</summary>
    public string? Author { get; init; }
    /// <summary>Where the member picks the copy up: a branch ISIL or branch code of the requesting library.</summary>
    public string? PickupLocation { get; init; }
}
