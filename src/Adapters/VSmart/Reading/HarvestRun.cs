using System.Text.Json.Serialization;

namespace Lsb.Hub.Adapters.VSmart.Reading;

/// <summary>
/// A harvest of one library's OAI-PMH set in progress: where it started, the page being read (its resumption token;
/// null for the first page, asked again with <see cref="From"/>), how far into that page the hub has taken changes,
/// and the records emitted so far whose datestamp is not before <see cref="Started"/> (they need not be emitted again
/// by the next harvest, which starts there).
/// </summary>
internal sealed record HarvestRun
{
    /// <summary>The <c>from</c> of this harvest (null: the whole set).</summary>
    [JsonPropertyName("from")] public string? From { get; init; }

    /// <summary>"identifier@version" of records the previous harvest already emitted at or after <see cref="From"/>.</summary>
    [JsonPropertyName("skip")] public List<string>? Skip { get; init; }

    /// <summary>The responseDate of this harvest's first answer: the next harvest's <c>from</c>.</summary>
    [JsonPropertyName("started")] public string? Started { get; init; }

    /// <summary>The resumption token of the page being read; null for the first page.</summary>
    [JsonPropertyName("token")] public string? Token { get; init; }

    /// <summary>The identifier of the last record of that page whose changes were (partly) taken.</summary>
    [JsonPropertyName("record")] public string? Record { get; init; }

    /// <summary>That record's version.</summary>
    [JsonPropertyName("version")] public long Version { get; init; }

    /// <summary>How many of that record's changes were taken (all of them when the page ended there).</summary>
    [JsonPropertyName("taken")] public int Taken { get; init; }

    /// <summary>"identifier@version" of records emitted with a datestamp at or after <see cref="Started"/>; null once there
    /// were more than <see cref="HarvestPosition.MaxSkip"/> (the next harvest then re-reads them, deduplicated downstream).</summary>
    [JsonPropertyName("seen")] public List<string>? Seen { get; init; } = [];
}
