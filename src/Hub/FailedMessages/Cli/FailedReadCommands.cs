using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace Lsb.Hub.FailedMessages.Cli;

/// <summary><c>failed list | groups | show | audit | operation</c>: tables for people, <c>--json</c> for scripts.</summary>
public static class FailedReadCommands
{
    /// <summary><c>failed list</c>.</summary>
    public static async Task<int> ListAsync(HubAdminClient client, CliArguments args, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var page = await client.GetAsync("/api/v1/admin/failed-messages" + CliFilter.Query(args,
            ("status", args["status"]), ("page", args["page"]), ("pageSize", args["page-size"])), cancellationToken);
        if (Json(args, console, page)) return 0;
        var table = new Table().AddColumns("Id", "Status", "Message type", "Exception", "Installation", "Library", "Failures", "Last failed");
        foreach (var item in page.GetProperty("items").EnumerateArray())
        {
            table.AddRow(Cell(item, "id"), Cell(item, "status"), Short(Cell(item, "messageType")), Short(Cell(item, "exceptionType")),
                Cell(item, "installation"), Cell(item, "library"), Cell(item, "failures"), Time(item, "lastFailedAt"));
        }
        console.Write(table);
        console.MarkupLineInterpolated($"Page {page.GetProperty("page").GetInt32()} of {Pages(page)}, {page.GetProperty("total").GetInt32()} messages in all.");
        return 0;
    }

    /// <summary><c>failed groups</c>.</summary>
    public static async Task<int> GroupsAsync(HubAdminClient client, CliArguments args, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var groups = await client.GetAsync("/api/v1/admin/failed-messages/groups" + CliFilter.Query(args), cancellationToken);
        if (Json(args, console, groups)) return 0;
        var table = new Table().AddColumns("Group", "Count", "Exception", "Message type", "Installation", "First seen", "Last seen", "Example");
        foreach (var group in groups.EnumerateArray())
        {
            table.AddRow(Cell(group, "key"), Cell(group, "count"), Short(Cell(group, "exceptionType")), Short(Cell(group, "messageType")),
                Cell(group, "installation"), Time(group, "firstFailedAt"), Time(group, "lastFailedAt"), Cell(group, "sampleMessage"));
        }
        console.Write(table);
        return 0;
    }

    /// <summary><c>failed show ID</c>.</summary>
    public static async Task<int> ShowAsync(HubAdminClient client, CliArguments args, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        if (args.Positional.Count != 1) throw new CliUsageException("Name one message: lsb-hub failed show ID.");
        var detail = await client.GetAsync($"/api/v1/admin/failed-messages/{Uri.EscapeDataString(args.Positional[0])}", cancellationToken);
        if (Json(args, console, detail)) return 0;
        var summary = detail.GetProperty("summary");
        var grid = new Grid().AddColumn().AddColumn();
        foreach (var field in new[] { "id", "status", "messageType", "exceptionType", "exceptionMessage", "installation", "vendor", "library", "group",
                     "failures", "attempts", "firstFailedAt", "lastFailedAt", "archivedAt", "resolvedAt", "replaying" })
            grid.AddRow(new Text(field), new Text(Cell(summary, field)));
        console.Write(grid);
        console.Write(new Rule("Body"));
        Raw(console, Cell(detail, "body"));
        console.Write(new Rule("Headers"));
        foreach (var header in detail.GetProperty("headers").EnumerateObject().Where(h => h.Name != "exception-stack"))
            Raw(console, $"{header.Name}: {header.Value}");
        console.Write(new Rule("Stack trace"));
        Raw(console, Cell(detail, "stackTrace"));
        console.Write(new Rule("Replays"));
        foreach (var replay in detail.GetProperty("replays").EnumerateArray())
            console.WriteLine($"{Time(replay, "requestedAt")} by {Cell(replay, "requestedBy")}: {Cell(replay, "outcome")} (operation {Cell(replay, "operationId")})");
        return 0;
    }

    /// <summary><c>failed audit</c>.</summary>
    public static async Task<int> AuditAsync(HubAdminClient client, CliArguments args, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var query = string.Join('&', new[] { "actor", "action", "from", "to", "page" }.Where(n => args[n] is not null).Select(n => $"{n}={Uri.EscapeDataString(args[n]!)}"));
        var page = await client.GetAsync("/api/v1/admin/failed-messages/audit" + (query.Length > 0 ? "?" + query : ""), cancellationToken);
        if (Json(args, console, page)) return 0;
        var table = new Table().AddColumns("When", "Who", "Action", "Affected", "Target", "Operation");
        foreach (var entry in page.GetProperty("items").EnumerateArray())
            table.AddRow(Time(entry, "at"), Cell(entry, "actor"), Cell(entry, "action"), Cell(entry, "affected"), Cell(entry, "target"), Cell(entry, "operationId"));
        console.Write(table);
        return 0;
    }

    /// <summary><c>failed operation ID</c>.</summary>
    public static async Task<int> OperationAsync(HubAdminClient client, CliArguments args, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        if (args.Positional.Count != 1) throw new CliUsageException("Name one operation: lsb-hub failed operation ID.");
        var operation = await client.GetAsync($"/api/v1/admin/operations/{Uri.EscapeDataString(args.Positional[0])}", cancellationToken);
        if (!Json(args, console, operation)) FailedReplayCommand.Describe(operation, console);
        return 0;
    }

    internal static bool Json(CliArguments args, IAnsiConsole console, JsonElement value)
    {
        if (!args.Has("json")) return false;
        Raw(console, JsonSerializer.Serialize(value, new JsonSerializerOptions { WriteIndented = true }));
        return true;
    }

    /// <summary>Writes text as it is (no wrapping at the console width), so JSON, bodies and stack traces can be copied.</summary>
    internal static void Raw(IAnsiConsole console, string text)
    {
        console.Profile.Out.Writer.WriteLine(text);
        console.Profile.Out.Writer.Flush();
    }

    internal static string Cell(JsonElement item, string name)
        => item.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() ?? "",
            JsonValueKind.Null or JsonValueKind.Undefined => "",
            _ => value.ToString(),
        } : "";

    private static string Time(JsonElement item, string name)
        => item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetDateTimeOffset().ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "";

    private static string Short(string typeName) => typeName.Contains('.', StringComparison.Ordinal) ? typeName[(typeName.LastIndexOf('.') + 1)..] : typeName;

    private static int Pages(JsonElement page)
    {
        var size = Math.Max(1, page.GetProperty("pageSize").GetInt32());
        return Math.Max(1, (page.GetProperty("total").GetInt32() + size - 1) / size);
    }
}
