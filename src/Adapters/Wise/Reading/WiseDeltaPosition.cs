using System.Text.Json.Serialization;

namespace Lsb.Hub.Adapters.Wise.Reading;

/// <summary>
/// How far a patron delta list (<c>updatedpatron</c>, <c>deletedpatron</c>) has been read: the last entry taken
/// (modification ticks, patron id) and, as a hint, how many entries of the list for <see cref="Date"/> precede it.
/// </summary>
internal sealed record WiseDeltaPosition(
    [property: JsonPropertyName("t")] long Ticks,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("d")] string? Date,
    [property: JsonPropertyName("o")] int Offset)
{
    public static WiseDeltaPosition Start { get; } = new(0, string.Empty, null, 0);

    /// <summary>Orders entries as Wise lists them: by ticks, then by id (numeric ids compare numerically).</summary>
    public static int Compare(long ticks, string id, long otherTicks, string otherId)
    {
        var byTicks = ticks.CompareTo(otherTicks);
        if (byTicks != 0) return byTicks;
        var byLength = id.Length.CompareTo(otherId.Length);
        return byLength != 0 ? byLength : string.CompareOrdinal(id, otherId);
    }

    public bool IsBefore(long ticks, string id) => Compare(Ticks, Id, ticks, id) < 0;
}
