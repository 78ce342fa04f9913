using System.Text.Json.Serialization;

namespace Lsb.Hub.Adapters.VSmart.Reading;

/// <summary>
/// How far one library's OAI-PMH set has been harvested: the <c>from</c> watermark of the next harvest (see
/// <see cref="HarvestRun.Completed"/>), the records already emitted at that second (so reading to the end twice gives
/// nothing the second time), and a harvest in progress if any.
/// </summary>
internal sealed record HarvestPosition
{
    /// <summary>The most "identifier@version" entries kept to avoid re-reading the watermark's second.</summary>
    public const int MaxSkip = 50;

    [JsonPropertyName("from")] public string? From { get; init; }

    [JsonPropertyName("skip")] public List<string>? Skip { get; init; }

    /// <summary>When more than <see cref="MaxSkip"/> records share the watermark's second: those up to this version were
    /// emitted (V-smart's record version, 999 $v, grows across the whole repository).</summary>
    [JsonPropertyName("skipUpTo")] public long? SkipUpTo { get; init; }

    [JsonPropertyName("run")] public HarvestRun? Run { get; init; }
}
