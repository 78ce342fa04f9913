using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lsb.Hub.Canonical.Identity;

/// <summary>Writes an <see cref="Isil"/> as its string form; reading rejects an invalid ISIL with its reason.</summary>
public sealed class IsilJsonConverter : JsonConverter<Isil>
{
    /// <inheritdoc />
    public override Isil Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return Isil.TryParse(text, out var isil, out var error) ? isil : throw new JsonException(error);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Isil value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.Value);
}
