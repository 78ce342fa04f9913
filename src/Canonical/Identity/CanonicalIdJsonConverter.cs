using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lsb.Hub.Canonical.Identity;

/// <summary>Reads and writes a canonical id as its string form.</summary>
public sealed class CanonicalIdJsonConverter<T> : JsonConverter<T> where T : struct, ICanonicalId<T>
{
    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return CanonicalId.TryParse<T>(text, out var id)
            ? id
            : throw new JsonException($"'{text}' is not a valid id: expected '{T.Prefix}-' followed by 32 hexadecimal digits.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        => writer.WriteStringValue(CanonicalId.Format(value));
}
