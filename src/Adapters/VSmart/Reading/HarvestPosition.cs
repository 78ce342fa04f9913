using System.Text.Json.Serialization;

namespace Lsb.Hub.Adapters.VSmart.Reading;

/// <summary>
/// How far one library's OAI-PMH set has been harvested: the <c>from</c> watermark of the next harvest (the
/// responseDate of the last complete harvest's first answer, so nothing changed during that harvest can be missed), the
/// records already emitted at that second, and a harvest in progress if any.
/// </summary>
internal sealed record HarvestPosition
{
    /// <summary>The most "identifier@version" entries kept to avoid re-reading the watermark's second.</summary>
    public const int MaxSkip = 500;

    [JsonPropertyName("from")] public string? From { get; init; }

    [JsonPropertyName("skip")] public List<string>? Skip { get; init; }

    [JsonPropertyName("run")] public HarvestRun? Run { get; init; }
}
