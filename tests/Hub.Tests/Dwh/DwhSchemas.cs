using System.Text.Json;
using Json.Schema;

namespace Lsb.Hub.Tests.Dwh;

/// <summary>
/// The documented schemas in docs/events/ (read in place): checks a DWH feed event against the envelope and its
/// <c>data</c> against <c>{eventType}.v{schemaVersion}.schema.json</c>. An event whose type has no schema file is a
/// problem, so a new event type reaching the feed fails the tests until its schema is written.
/// </summary>
public sealed class DwhSchemas
{
    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List };
    private readonly Dictionary<string, JsonSchema> _byFile = new(StringComparer.Ordinal);
    private readonly JsonSchema _envelope;

    public DwhSchemas(string? folder = null)
    {
        Folder = folder ?? FindFolder();
        _envelope = Load(Path.Combine(Folder, "dwh-event.v2.schema.json"));
    }

    /// <summary>The folder the schemas are read from.</summary>
    public string Folder { get; }

    /// <summary>docs/events of the checkout the tests run from.</summary>
    public static string FindFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "docs", "events"))) dir = dir.Parent;
        return dir is null ? throw new DirectoryNotFoundException("docs/events not found above the test binaries.") : Path.Combine(dir.FullName, "docs", "events");
    }

    /// <summary>The schema file of an event type and version (it may not exist).</summary>
    public string FileOf(string eventType, int schemaVersion) => Path.Combine(Folder, $"{eventType}.v{schemaVersion}.schema.json");

    /// <summary>What is wrong with the feed event <paramref name="e"/>, or null when envelope and data match their schemas.</summary>
    public string? Problem(JsonElement e)
    {
        var position = e.TryGetProperty("position", out var p) ? p.ToString() : "?";
        var envelope = _envelope.Evaluate(e, Evaluation);
        if (!envelope.IsValid) return $"the envelope at position {position} does not match dwh-event.v2.schema.json: {e} — {JsonSerializer.Serialize(envelope)}";
        var type = e.GetProperty("eventType").GetString()!;
        var version = e.GetProperty("schemaVersion").GetInt32();
        var file = FileOf(type, version);
        if (!File.Exists(file)) return $"no schema for {type} version {version} (position {position}): write docs/events/{Path.GetFileName(file)}";
        if (!_byFile.TryGetValue(file, out var schema)) _byFile[file] = schema = Load(file);
        var result = schema.Evaluate(e.GetProperty("data"), Evaluation);
        return result.IsValid ? null : $"{type} at position {position} does not match {Path.GetFileName(file)}: {e.GetProperty("data")} — {JsonSerializer.Serialize(result)}";
    }

    /// <summary>Asserts that every event of <paramref name="feed"/> matches its schemas; returns the event types seen.</summary>
    public HashSet<string> AssertAllMatch(IEnumerable<JsonElement> feed)
    {
        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in feed)
        {
            if (Problem(e) is { } problem) Assert.Fail(problem);
            types.Add(e.GetProperty("eventType").GetString()!);
        }
        return types;
    }

    private static JsonSchema Load(string file) => JsonSchema.FromText(File.ReadAllText(file), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
}
