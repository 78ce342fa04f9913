using System.Text.Json.Serialization;

namespace Lsb.Hub.Adapters.Brocade.Reading;

/// <summary>
/// The payload of a Brocade <c>VendorChange</c> (JSON): the file and place the record came from, what the change is
/// (<c>row</c>, <c>gone</c>, <c>broken</c>), and the record itself — a CSV row with its header, or an ISO 2709 record
/// (base64, as exported) with a readable rendering for administrators. For <c>gone</c> it is the record as last seen.
/// </summary>
internal sealed record ChangePayload
{
    [JsonPropertyName("op")] public required string Op { get; init; }
    [JsonPropertyName("file")] public required string File { get; init; }
    [JsonPropertyName("missingFrom")] public string? MissingFrom { get; init; }
    [JsonPropertyName("line")] public long? Line { get; init; }
    [JsonPropertyName("recordNumber")] public int? RecordNumber { get; init; }
    [JsonPropertyName("byteOffset")] public long? ByteOffset { get; init; }
    [JsonPropertyName("header")] public string? Header { get; init; }
    [JsonPropertyName("row")] public string? Row { get; init; }
    [JsonPropertyName("iso2709")] public string? Iso2709 { get; init; }
    [JsonPropertyName("marc")] public string? Marc { get; init; }
    [JsonPropertyName("problem")] public string? Problem { get; init; }

    public const string RowOp = "row";
    public const string GoneOp = "gone";
    public const string BrokenOp = "broken";
}
