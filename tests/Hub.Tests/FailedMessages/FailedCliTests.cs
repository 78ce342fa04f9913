using Lsb.Hub.FailedMessages.Cli;
using Lsb.Hub.Tests.FailedMessages.Support;
using Lsb.Hub.Tests.Infrastructure;
using Spectre.Console;

namespace Lsb.Hub.Tests.FailedMessages;

/// <summary><c>lsb-hub failed …</c> against a running hub, over HTTP, as an administrator uses it.</summary>
public sealed class FailedCliTests(SqliteFailedMessagesHub hub) : IClassFixture<SqliteFailedMessagesHub>
{
    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 250;
        var exit = await FailedCommand.RunAsync([.. args, "--url", hub.Host.BaseAddress.ToString(), "--api-key", HubHost.AdminKey], console,
            cancellationToken: TestContext.Current.CancellationToken);
        return (exit, output.ToString());
    }

    [Fact]
    public async Task When_an_administrator_lists_inspects_and_replays_a_group_from_the_cli_Should_see_it_resolved()
    {
        var (installation, _, _) = await hub.NewInstallationAsync();
        for (var i = 0; i < 4; i++) hub.Feed.AddCopy(installation, $"CLI-{i}", "ZC1");
        await hub.WaitForFailedAsync(installation, 4);

        var (listExit, list) = await RunAsync("list", "--installation", installation);
        Assert.Equal(0, listExit);
        Assert.Contains("4 messages in all", list, StringComparison.Ordinal);
        var (groupsExit, groups) = await RunAsync("groups", "--installation", installation, "--json");
        Assert.Equal(0, groupsExit);
        var group = System.Text.Json.JsonDocument.Parse(groups).RootElement[0].GetProperty("key").GetString()!;
        var id = (await hub.FailedAsync(installation)).GetProperty("items")[0].GetProperty("id").GetString()!;
        var (showExit, show) = await RunAsync("show", id);
        Assert.Equal(0, showExit);
        Assert.Contains("'ZC1'", show, StringComparison.Ordinal);
        Assert.Contains("Stack trace", show, StringComparison.Ordinal);

        await hub.MapStatusAsync("ZC1", "InProcessing");
        var (replayExit, replay) = await RunAsync("replay", "--group", group);
        Assert.True(replayExit == 0, replay);
        Assert.Contains("Completed — 4 succeeded, 0 failed again", replay, StringComparison.Ordinal);
        Assert.Equal(0, (await hub.FailedAsync(installation)).GetProperty("total").GetInt32());
        var (auditExit, audit) = await RunAsync("audit", "--action", "replay");
        Assert.Equal(0, auditExit);
        Assert.Contains("test-admin", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_cli_archives_and_the_hub_refuses_Should_say_why_with_exit_code_1()
    {
        var (installation, _, _) = await hub.NewInstallationAsync();
        hub.Feed.AddCopy(installation, "CLA-1", "ZC2");
        await hub.WaitForFailedAsync(installation, 1);
        var id = (await hub.FailedAsync(installation)).GetProperty("items")[0].GetProperty("id").GetString()!;

        var (archiveExit, archive) = await RunAsync("archive", "--installation", installation);
        Assert.Equal(0, archiveExit);
        Assert.Contains("archive: 1 message(s)", archive, StringComparison.Ordinal);
        var (replayExit, replay) = await RunAsync("replay", id);
        Assert.Equal(1, replayExit);
        Assert.Contains("409", replay, StringComparison.Ordinal);
        Assert.Contains("unarchive", replay, StringComparison.Ordinal);
        var (discardExit, discard) = await RunAsync("discard", "--installation", installation, "--status", "Archived");
        Assert.Equal(1, discardExit);
        Assert.Contains("DISCARD", discard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_no_api_key_is_given_Should_exit_with_2_and_name_the_variable()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No });
        var previous = Environment.GetEnvironmentVariable(FailedCommand.ApiKeyVariable);
        Environment.SetEnvironmentVariable(FailedCommand.ApiKeyVariable, null);
        try
        {
            Assert.Equal(2, await FailedCommand.RunAsync(["list", "--url", "http://127.0.0.1:1"], console, cancellationToken: TestContext.Current.CancellationToken));
        }
        finally
        {
            Environment.SetEnvironmentVariable(FailedCommand.ApiKeyVariable, previous);
        }
        Assert.Contains(FailedCommand.ApiKeyVariable, output.ToString(), StringComparison.Ordinal);
    }
}
