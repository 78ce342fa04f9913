using System.Text.Json.Serialization;

namespace Lsb.Hub.Adapters.Wise.Dto;

/// <summary>An entry of the item mutation feed (the payload of an "item" change).</summary>
/// <remarks>The feed DTOs (the mutations, <see cref="WiseItem"/>, <see cref="WiseLoan"/>, <see cref="WiseForeignItem"/>,
/// <see cref="WisePatron"/>) have settable properties and mark required fields with <c>[JsonRequired]</c>, not with C#'s
/// <c>init</c> or <c>required</c>: System.Text.Json's source generator sets those through its constructor path, which first
/// collects every value of a record in an argument buffer (a third more time per record). A missing required field still
/// fails the record. A page is read by <c>WiseMutationPageReader</c>; one record, by the serializer.</remarks>
internal sealed record WiseItemMutation
{
    [JsonPropertyName("mutatienummer")] public long Number { get; set; }
    [JsonPropertyName("mutatiedatum")] public DateTimeOffset At { get; set; }
    [JsonPropertyName("mutatiesoort")] public string? Kind { get; set; }
    [JsonPropertyName("exemplaar")] public WiseItem Item { get; set; } = null!;
}
