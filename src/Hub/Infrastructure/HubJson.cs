using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lsb.Hub.Infrastructure;

/// <summary>The JSON conventions of the hub's API, event log and messages: camelCase, enums as strings.</summary>
public static class HubJson
{
    /// <summary>The shared options. NEVER mutate them.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Applies the conventions to <paramref name="options"/> (used for ASP.NET Core's options too).</summary>
    public static void Apply(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter());
        options.AllowOutOfOrderMetadataProperties = true;
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Apply(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
