using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Lsb.Hub.Canonical.Events;
using Lsb.Hub.Infrastructure;

namespace Lsb.Hub.EventLog;

/// <summary>
/// The JSON of an event's own fields, as the log stores it. The fields every event has (id, source, time, schema
/// version) are columns of the log, so the payload leaves them out; <see cref="Read"/> puts them back.
/// </summary>
public static class EventPayloadJson
{
    private static readonly HashSet<string> CommonFields = new(StringComparer.Ordinal)
    {
        "eventId", "source", "occurredAt", "schemaVersion", "subjectId", "libraryIsil", "eventType",
    };

    private static readonly Dictionary<string, Type> Types = typeof(CanonicalEvent).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(CanonicalEvent)) && !t.IsAbstract)
        .ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>Options that serialise a concrete event without the common fields (compile-time metadata: the hot path).</summary>
    public static JsonSerializerOptions Options { get; } = Create(JsonTypeInfoResolver.Combine(EventPayloadContext.Default, new DefaultJsonTypeInfoResolver()));

    /// <summary>Options that read a payload back (reflection metadata, which binds the records' init-only members).</summary>
    public static JsonSerializerOptions ReadOptions { get; } = Create(new DefaultJsonTypeInfoResolver());

    [ThreadStatic] private static PayloadBuffer? _buffer;

    /// <summary>The payload of <paramref name="e"/>, as UTF-8 (the log binds the bytes as text): the ingest events written by
    /// <see cref="EventPayloadWriter"/>, any other by the serializer with <see cref="Options"/> (the same bytes).</summary>
    public static byte[] WriteUtf8(CanonicalEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var buffer = _buffer ??= new PayloadBuffer();
        buffer.Bytes.ResetWrittenCount();
        buffer.Writer.Reset(buffer.Bytes);
        if (!EventPayloadWriter.TryWrite(buffer.Writer, e)) return WriteUtf8BySerializer(e);
        buffer.Writer.Flush();
        return buffer.Bytes.WrittenSpan.ToArray();
    }

    /// <summary>The payload as the serializer writes it (what <see cref="EventPayloadWriter"/> must match).</summary>
    internal static byte[] WriteUtf8BySerializer(CanonicalEvent e) => JsonSerializer.SerializeToUtf8Bytes(e, e.GetType(), Options);

    // One buffer and writer per thread, reused for every payload (the payload is copied out).
    private sealed class PayloadBuffer
    {
        public System.Buffers.ArrayBufferWriter<byte> Bytes { get; } = new(4096);
        public Utf8JsonWriter Writer { get; }

        public PayloadBuffer() => Writer = new Utf8JsonWriter(Bytes);
    }

    /// <summary>The event again, from its log columns and payload.</summary>
    public static CanonicalEvent Read(string eventType, string payload, Guid eventId, EventSource source, DateTimeOffset occurredAt, int schemaVersion)
    {
        if (!Types.TryGetValue(eventType, out var type))
            throw new InvalidOperationException($"The log holds an event of unknown type '{eventType}'.");
        var body = (CanonicalEvent?)JsonSerializer.Deserialize(payload, type, ReadOptions)
            ?? throw new InvalidOperationException($"The payload of a {eventType} is empty.");
        return body with { EventId = eventId, Source = source, OccurredAt = occurredAt, SchemaVersion = schemaVersion };
    }

    private static JsonSerializerOptions Create(IJsonTypeInfoResolver resolver)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        HubJson.Apply(options);
        options.TypeInfoResolver = resolver.WithAddedModifier(info =>
                {
                    if (info.Kind != JsonTypeInfoKind.Object || !typeof(CanonicalEvent).IsAssignableFrom(info.Type)) return;
                    info.PolymorphismOptions = null;
                    for (var i = info.Properties.Count - 1; i >= 0; i--)
                    {
                        if (CommonFields.Contains(info.Properties[i].Name)) info.Properties.RemoveAt(i);
                    }
                });
        options.MakeReadOnly();
        return options;
    }
}
