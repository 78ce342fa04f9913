using Spectre.Console;

namespace Lsb.Hub.FailedMessages.Cli;

/// <summary>
/// <c>lsb-hub failed …</c>: administers failed messages through the hub's HTTP API (never its database), so it works
/// against any running hub. The hub is named with <c>--url</c> (or <c>LSB_HUB_URL</c>) and the admin key with
/// <c>--api-key</c> (or <c>LSB_HUB_API_KEY</c>). Exit codes: 0 done, 1 the hub refused or failed, 2 wrong usage.
/// </summary>
public static class FailedCommand
{
    /// <summary>The environment variable with the API key.</summary>
    public const string ApiKeyVariable = "LSB_HUB_API_KEY";

    /// <summary>The environment variable with the hub's URL.</summary>
    public const string UrlVariable = "LSB_HUB_URL";

    /// <summary>The hub's address when none is given.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Runs <c>failed</c> with <paramref name="args"/> (the words after it).</summary>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole? console = null, HttpMessageHandler? handler = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        console ??= AnsiConsole.Console;
        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
        {
            console.Write(new Text(Help));
            return args.Length == 0 ? 2 : 0;
        }
        CliArguments options;
        try { options = new CliArguments(args[1..]); }
        catch (ArgumentException e) { return Usage(console, e.Message); }
        var url = options["url"] ?? Environment.GetEnvironmentVariable(UrlVariable) ?? DefaultUrl;
        var key = options["api-key"] ?? Environment.GetEnvironmentVariable(ApiKeyVariable);
        if (string.IsNullOrWhiteSpace(key)) return Usage(console, $"No API key: pass --api-key KEY or set {ApiKeyVariable} (a key with scope 'admin').");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseAddress)) return Usage(console, $"--url '{url}' is not an absolute URL such as {DefaultUrl}.");
        using var client = new HubAdminClient(baseAddress, key, handler);
        try
        {
            return args[0] switch
            {
                "list" => await FailedReadCommands.ListAsync(client, options, console, cancellationToken),
                "groups" => await FailedReadCommands.GroupsAsync(client, options, console, cancellationToken),
                "show" => await FailedReadCommands.ShowAsync(client, options, console, cancellationToken),
                "audit" => await FailedReadCommands.AuditAsync(client, options, console, cancellationToken),
                "operation" => await FailedReadCommands.OperationAsync(client, options, console, cancellationToken),
                "replay" => await FailedReplayCommand.RunAsync(client, options, console, cancellationToken),
                "archive" => await FailedWriteCommands.ArchiveAsync(client, options, "archive", console, cancellationToken),
                "unarchive" => await FailedWriteCommands.ArchiveAsync(client, options, "unarchive", console, cancellationToken),
                "discard" => await FailedWriteCommands.DiscardAsync(client, options, console, cancellationToken),
                "comment" => await FailedWriteCommands.CommentAsync(client, options, console, cancellationToken),
                _ => Usage(console, $"Unknown command 'failed {args[0]}'."),
            };
        }
        catch (CliUsageException e)
        {
            return Usage(console, e.Message);
        }
        catch (HubApiException e)
        {
            console.MarkupLineInterpolated($"[red]The hub answered {e.Status}:[/] {e.Message}");
            return 1;
        }
        catch (HttpRequestException e)
        {
            console.MarkupLineInterpolated($"[red]Cannot reach the hub at {baseAddress}:[/] {e.Message}. Is it running? Pass --url or set {UrlVariable}.");
            return 1;
        }
    }

    private static int Usage(IAnsiConsole console, string message)
    {
        console.MarkupLineInterpolated($"[red]{message}[/]");
        console.WriteLine("Run 'lsb-hub failed help' for the commands.");
        return 2;
    }

    /// <summary>The help text.</summary>
    public const string Help = """
        lsb-hub failed — administer failed messages through the hub's HTTP API

        Connection (every command):  --url URL (or LSB_HUB_URL; default http://127.0.0.1:5080)
                                     --api-key KEY (or LSB_HUB_API_KEY; scope 'admin')
        Filters: --installation ID --vendor Wise|VSmart|Brocade --library ISIL --message-type TYPE
                 --exception-type TYPE --group KEY --from TIME --to TIME (ISO 8601)

          list [filters] [--status Failed|Archived|Resolved] [--page N] [--page-size N] [--json]
          groups [filters] [--json]            groups by exception type + message type + installation
          show ID [--json]                     body, headers, stack trace, attempts and replays
          replay ID | --ids A,B | --group KEY | [filters]  [--force] [--no-wait]
                                               an operation in throttled batches, with a progress bar
          archive ID | --ids A,B | --group KEY | [filters]
          unarchive ID | --ids A,B | --group KEY | [filters]
          discard [filters] [--status Failed|Archived] --confirm DISCARD   (DISCARD ALL without filters)
          comment --group KEY TEXT             a note on a group
          audit [--actor NAME] [--action replay|archive|unarchive|discard|comment|retention]
          operation ID                         a replay operation's progress

        """;
}
