namespace Lsb.Hub.Holdings;

/// <summary>A copy as the API shows it.</summary>
public sealed record HoldingView(
    string Id,
    string Isil,
    string? Barcode,
    string? Isbn,
    string? Ppn,
    string? OclcNumber,
    string? LocalRecordId,
    string Title,
    string? Author,
    string MaterialType,
    string? Location,
    string? Shelfmark,
    string Status,
    string? RawStatus,
    bool LendableForIbl,
    bool Withdrawn,
    DateTimeOffset UpdatedAt);
