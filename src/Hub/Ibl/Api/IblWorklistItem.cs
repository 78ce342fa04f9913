namespace Lsb.Hub.Ibl.Api;

/// <summary>A request on a library's worklist, with what the library has to do about it.</summary>
public sealed record IblWorklistItem(
    string Id,
    string State,
    string Role,
    IReadOnlyList<string> Tasks,
    string RequestingAgency,
    string? LenderAgency,
    string? Title,
    string? Isbn,
    string? ItemBarcode,
    DateTimeOffset? DueAt,
    string? Attention,
    DateTimeOffset UpdatedAt);

/// <summary>A page of a worklist; <see cref="Next"/> is the <c>after</c> of the next page, null on the last.</summary>
public sealed record IblWorklistPage(IReadOnlyList<IblWorklistItem> Items, string? Next);
