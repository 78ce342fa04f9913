using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lsb.Hub.Canonical.Identity;

/// <summary>Reads and writes an <see cref="InstallationId"/> as its slug.</summary>
public sealed class InstallationIdJsonConverter : JsonConverter<InstallationId>
{
    /// <inheritdoc />
    public override InstallationId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => InstallationId.TryParse(reader.GetString(), out var id, out var error) ? id : throw new JsonException(error);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, InstallationId value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.Value);
}
