using System.Text.Json.Serialization;

namespace Lsb.Hub.Adapters.VSmart.Reading;

/// <summary>
/// A harvest of one library's OAI-PMH set in progress: where it started, the page being read (its resumption token;
/// null for the first page, asked again with <see cref="From"/>), how far into that page the hub has taken changes,
/// and the newest datestamp seen so far with the records that carry it.
/// </summary>
internal sealed record HarvestRun
{
    /// <summary>The <c>from</c> of this harvest (null: the whole set).</summary>
    [JsonPropertyName("from")] public string? From { get; init; }

    /// <summary>"identifier@version" of records the previous harvest already emitted at <see cref="From"/>.</summary>
    [JsonPropertyName("skip")] public List<string>? Skip { get; init; }

    /// <summary>Instead of <see cref="Skip"/> when there were too many: records at <see cref="From"/> up to this version.</summary>
    [JsonPropertyName("skipUpTo")] public long? SkipUpTo { get; init; }

    /// <summary>The responseDate of this harvest's first answer: nothing changed after it can have a datestamp before it.</summary>
    [JsonPropertyName("started")] public string? Started { get; init; }

    /// <summary>The resumption token of the page being read; null for the first page.</summary>
    [JsonPropertyName("token")] public string? Token { get; init; }

    /// <summary>The identifier of the last record of that page whose changes were (partly) taken.</summary>
    [JsonPropertyName("record")] public string? Record { get; init; }

    /// <summary>That record's version.</summary>
    [JsonPropertyName("version")] public long Version { get; init; }

    /// <summary>How many of that record's changes were taken (all of them when the page ended there).</summary>
    [JsonPropertyName("taken")] public int Taken { get; init; }

    /// <summary>The newest datestamp of the records taken so far.</summary>
    [JsonPropertyName("newest")] public string? Newest { get; init; }

    /// <summary>"identifier@version" of the records taken with datestamp <see cref="Newest"/>; null once there were more
    /// than <see cref="HarvestPosition.MaxSkip"/> (the next harvest then reads them again, deduplicated downstream).</summary>
    [JsonPropertyName("atNewest")] public List<string>? AtNewest { get; init; } = [];

    /// <summary>The highest version among the records taken with datestamp <see cref="Newest"/>.</summary>
    [JsonPropertyName("newestVersion")] public long NewestVersion { get; init; }

    /// <summary>
    /// Where the next harvest starts once this one is complete: the newest datestamp taken, but never later than this
    /// harvest's start (a record changed during the harvest could otherwise be missed by a repository that does not put
    /// changed records at the end of the list); with nothing changed, the same data gives the same watermark. When the
    /// harvest found nothing newer than its own <c>from</c> and began after that second had passed, every record of that
    /// second has been seen in its final form, so the watermark moves one second on and the second is not read again.
    /// </summary>
    public HarvestPosition Completed()
    {
        if (Newest is null) return new HarvestPosition { From = From, Skip = Skip, SkipUpTo = SkipUpTo };
        var newest = Oai.OaiPageParser.Date(Newest);
        var started = Started is null ? (DateTimeOffset?)null : Oai.OaiPageParser.Date(Started);
        if (started < newest) return new HarvestPosition { From = Started };
        if (From is not null && Oai.OaiPageParser.Date(From) == newest && started > newest)
            return new HarvestPosition { From = Oai.OaiPageParser.Format(newest.AddSeconds(1)) };
        return new HarvestPosition { From = Newest, Skip = AtNewest, SkipUpTo = AtNewest is null ? NewestVersion : null };
    }
}
