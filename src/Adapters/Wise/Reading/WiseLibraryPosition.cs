using System.Text.Json.Serialization;

namespace Lsb.Hub.Adapters.Wise.Reading;

/// <summary>How far every feed of one library organisation has been read.</summary>
internal sealed record WiseLibraryPosition
{
    /// <summary>The last item mutation number taken.</summary>
    [JsonPropertyName("items")] public long Items { get; init; }

    /// <summary>The last loan mutation number taken.</summary>
    [JsonPropertyName("loans")] public long Loans { get; init; }

    /// <summary>Position in <c>updatedpatron</c>.</summary>
    [JsonPropertyName("patrons")] public WiseDeltaPosition Patrons { get; init; } = WiseDeltaPosition.Start;

    /// <summary>Position in <c>deletedpatron</c>.</summary>
    [JsonPropertyName("deleted")] public WiseDeltaPosition Deleted { get; init; } = WiseDeltaPosition.Start;
}
