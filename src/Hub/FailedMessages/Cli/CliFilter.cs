using System.Globalization;
using System.Text;

namespace Lsb.Hub.FailedMessages.Cli;

/// <summary>Turns CLI options into the API's filter: a query string for lists, a JSON object for bulk actions.</summary>
public static class CliFilter
{
    /// <summary>CLI option → API field.</summary>
    public static readonly IReadOnlyList<(string Option, string Field)> Fields =
    [
        ("installation", "installation"), ("vendor", "vendor"), ("library", "library"), ("message-type", "messageType"),
        ("exception-type", "exceptionType"), ("group", "group"), ("from", "from"), ("to", "to"),
    ];

    /// <summary>The filter as query-string pairs (for GET).</summary>
    public static string Query(CliArguments args, params (string Name, string? Value)[] extra)
    {
        ArgumentNullException.ThrowIfNull(args);
        var query = new StringBuilder();
        foreach (var (option, field) in Fields)
            if (args[option] is { } value) Append(query, field, value);
        foreach (var (name, value) in extra)
            if (value is not null) Append(query, name, value);
        return query.ToString();
    }

    /// <summary>The filter as an object (for POST), or null when no criterion is given.</summary>
    public static Dictionary<string, string>? Body(CliArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var filter = Fields.Where(f => f.Field != "group" && args[f.Option] is not null).ToDictionary(f => f.Field, f => args[f.Option]!);
        return filter.Count == 0 ? null : filter;
    }

    /// <summary>What a replay, archive or unarchive applies to: an id given as a word, --ids, --group, or the filter options.</summary>
    public static object? Selection(CliArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Positional.Count > 0) return new { ids = args.Positional.ToArray() };
        if (args["ids"] is { } ids) return new { ids = ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) };
        if (args["group"] is { } group && Body(args) is null) return new { group };
        var filter = Body(args);
        if (filter is not null && args["group"] is { } g) filter["group"] = g;
        return filter is null ? null : new { filter };
    }

    private static void Append(StringBuilder query, string name, string value)
        => query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value.ToString(CultureInfo.InvariantCulture)));
}
