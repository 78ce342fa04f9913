using Spectre.Console;

namespace Lsb.Hub.FailedMessages.Cli;

/// <summary><c>failed archive | unarchive | discard | comment</c>.</summary>
public static class FailedWriteCommands
{
    /// <summary><c>failed archive</c> and <c>failed unarchive</c>.</summary>
    public static async Task<int> ArchiveAsync(HubAdminClient client, CliArguments args, string action, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var selection = CliFilter.Selection(args)
            ?? throw new CliUsageException($"Say what to {action}: an ID, --ids A,B, --group KEY, or filter options such as --installation ID.");
        var result = await client.PostAsync($"/api/v1/admin/failed-messages/{action}", selection, cancellationToken);
        console.WriteLine($"{action}: {result.GetProperty("affected").GetInt32()} message(s).");
        return 0;
    }

    /// <summary><c>failed discard</c>.</summary>
    public static async Task<int> DiscardAsync(HubAdminClient client, CliArguments args, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var filter = (IDictionary<string, string>?)CliFilter.Body(args) ?? new Dictionary<string, string>();
        if (args["group"] is { } group) filter["group"] = group;
        var result = await client.PostAsync("/api/v1/admin/failed-messages/discard",
            new { filter, status = args["status"] ?? "Failed", confirm = args["confirm"] }, cancellationToken);
        console.WriteLine($"discard: {result.GetProperty("affected").GetInt32()} message(s) deleted for good.");
        return 0;
    }

    /// <summary><c>failed comment --group KEY TEXT</c>.</summary>
    public static async Task<int> CommentAsync(HubAdminClient client, CliArguments args, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        if (args["group"] is not { } group || args.Positional.Count == 0) throw new CliUsageException("Usage: lsb-hub failed comment --group KEY TEXT.");
        await client.PostAsync($"/api/v1/admin/failed-messages/groups/{Uri.EscapeDataString(group)}/comments", new { text = string.Join(' ', args.Positional) }, cancellationToken);
        console.WriteLine($"Comment added to group {group}.");
        return 0;
    }
}
