using System.Text.Json.Serialization;

namespace Lsb.Hub.Adapters.Brocade.Reading;

/// <summary>An export file consumed: its identity (name-independent) and its creation time in UTC ticks.</summary>
internal sealed record LedgerEntry([property: JsonPropertyName("id")] string Id, [property: JsonPropertyName("t")] long Ticks);
