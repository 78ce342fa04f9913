using System.Text.Json.Serialization;

namespace Lsb.Hub.Adapters.Brocade.Reading;

/// <summary>The export file being read: what it is, the baseline it is compared with, and how far its change list has been taken.</summary>
internal sealed record CurrentFile
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("file")] public required string File { get; init; }
    [JsonPropertyName("entity")] public required string Entity { get; init; }
    [JsonPropertyName("full")] public bool Full { get; init; }
    [JsonPropertyName("t")] public long Ticks { get; init; }
    [JsonPropertyName("base")] public string? Baseline { get; init; }
    [JsonPropertyName("taken")] public long Taken { get; init; }
    [JsonPropertyName("offset")] public long Offset { get; init; }
}
