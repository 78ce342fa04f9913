using System.Text.Json;
using Spectre.Console;

namespace Lsb.Hub.FailedMessages.Cli;

/// <summary><c>failed replay</c>: starts a replay operation and follows it with a progress bar until it is over.</summary>
public static class FailedReplayCommand
{
    /// <summary>How often the operation is read while following it.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Runs the command.</summary>
    public static async Task<int> RunAsync(HubAdminClient client, CliArguments args, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var force = args.Has("force");
        JsonElement operation;
        if (args.Positional.Count == 1)
        {
            operation = await client.PostAsync($"/api/v1/admin/failed-messages/{Uri.EscapeDataString(args.Positional[0])}/replay{(force ? "?force=true" : "")}", null, cancellationToken);
        }
        else
        {
            var selection = CliFilter.Selection(args)
                ?? throw new CliUsageException("Say what to replay: an ID, --ids A,B, --group KEY, or filter options such as --installation ID.");
            var body = JsonSerializer.SerializeToElement(selection);
            var withForce = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(body)!;
            withForce["force"] = JsonSerializer.SerializeToElement(force);
            operation = await client.PostAsync("/api/v1/admin/failed-messages/replay", withForce, cancellationToken);
        }
        var id = operation.GetProperty("id").GetString()!;
        console.MarkupLineInterpolated($"Replay operation [bold]{id}[/]: {operation.GetProperty("total").GetInt32()} messages, batches of {operation.GetProperty("batchSize").GetInt32()}.");
        if (args.Has("no-wait"))
        {
            console.WriteLine($"Follow it with: lsb-hub failed operation {id}");
            return 0;
        }
        operation = await FollowAsync(client, id, operation, console, cancellationToken);
        Describe(operation, console);
        return operation.GetProperty("status").GetString() == "Completed" && operation.GetProperty("failedAgain").GetInt32() == 0 ? 0 : 1;
    }

    /// <summary>Prints an operation's outcome.</summary>
    public static void Describe(JsonElement operation, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        string Count(string name) => operation.GetProperty(name).GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
        console.WriteLine($"Operation {operation.GetProperty("id").GetString()}: {operation.GetProperty("status").GetString()} — " +
            $"{Count("succeeded")} succeeded, {Count("failedAgain")} failed again, {Count("skipped")} skipped, {Count("pending")} pending, " +
            $"{Count("waiting")} waiting, of {Count("total")}.");
        foreach (var reason in operation.GetProperty("skipReasons").EnumerateObject())
            console.WriteLine($"  skipped {reason.Value}: {reason.Name}");
        if (operation.TryGetProperty("note", out var note) && note.ValueKind == JsonValueKind.String) console.WriteLine(note.GetString()!);
    }

    private static async Task<JsonElement> FollowAsync(HubAdminClient client, string id, JsonElement operation, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var total = Math.Max(1, operation.GetProperty("total").GetInt32());
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("replaying", maxValue: total);
                while (!IsOver(operation))
                {
                    await Task.Delay(PollInterval, cancellationToken);
                    operation = await client.GetAsync($"/api/v1/admin/operations/{id}", cancellationToken);
                    task.Value = operation.GetProperty("done").GetInt32();
                    task.Description = $"{operation.GetProperty("succeeded").GetInt32()} ok, {operation.GetProperty("failedAgain").GetInt32()} failed again";
                }
                task.Value = total;
            });
        return operation;
    }

    private static bool IsOver(JsonElement operation)
        => operation.GetProperty("status").GetString() is "Completed" or "Stopped" or "Cancelled" && operation.GetProperty("pending").GetInt32() == 0;
}
