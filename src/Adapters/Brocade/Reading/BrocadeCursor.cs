using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lsb.Hub.Adapters.Brocade.Reading;

/// <summary>
/// The opaque cursor of a Brocade installation (compact JSON, docs/vendors/brocade.md): the ledger of export files
/// consumed (identity and time; a file whose identity is in it is NEVER read again, whatever its name, and a file older
/// than the whole ledger is too old to read), the baseline full export per kind (whose snapshot the next full export
/// is compared with), and the file being read with how far (entries taken, byte offset in its change list).
/// </summary>
internal sealed record BrocadeCursor
{
    [JsonPropertyName("v")] public int Version { get; init; } = 1;

    [JsonPropertyName("ledger")] public List<LedgerEntry> Ledger { get; init; } = [];

    [JsonPropertyName("baselines")] public Dictionary<string, LedgerEntry> Baselines { get; init; } = new(StringComparer.Ordinal);

    [JsonPropertyName("current")] public CurrentFile? Current { get; init; }

    public static BrocadeCursor Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return new BrocadeCursor();
        try
        {
            var cursor = JsonSerializer.Deserialize(text, BrocadeJsonContext.Default.BrocadeCursor);
            if (cursor is { Version: 1 })
                return cursor with { Ledger = [.. cursor.Ledger], Baselines = new(cursor.Baselines, StringComparer.Ordinal) };
        }
        catch (JsonException)
        {
            // Fall through to the explanation below.
        }
        throw new ArgumentException($"'{text}' is not a Brocade cursor: pass back the NextCursor of a previous page, or null to read from the start.", nameof(text));
    }

    public override string ToString() => JsonSerializer.Serialize(this, BrocadeJsonContext.Default.BrocadeCursor);
}
