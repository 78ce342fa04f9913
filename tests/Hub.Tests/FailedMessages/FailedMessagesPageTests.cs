using Lsb.Hub.Tests.FailedMessages.Support;
using Lsb.Hub.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lsb.Hub.Tests.FailedMessages;

/// <summary>
/// The web page <c>/admin/failed-messages</c> in a real browser: Playwright driving Debian's Chromium
/// (<c>apt-get install chromium</c>; no browser download). Skipped, saying so, where Chromium is not installed.
/// </summary>
public sealed class FailedMessagesPageTests(SqliteFailedMessagesHub hub) : IClassFixture<SqliteFailedMessagesHub>
{
    private const string Chromium = "/usr/bin/chromium";

    private static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(Chromium))
            Assert.Skip($"Chromium is not installed at {Chromium}: run 'apt-get install -y chromium' (.ci/run does) to run the browser test.");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return (playwright, browser);
    }

    [Fact]
    public async Task When_an_administrator_uses_the_page_Should_see_the_group_inspect_a_message_and_replay_the_group_with_progress()
    {
        var (installation, _, _) = await hub.NewInstallationAsync();
        for (var i = 0; i < 3; i++) hub.Feed.AddCopy(installation, $"WEB-{i}", "ZW1");
        await hub.WaitForFailedAsync(installation, 3);
        var (playwright, browser) = await LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync();
            page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
            await page.GotoAsync(new Uri(hub.Host.BaseAddress, "/admin/failed-messages").ToString());
            await page.GetByTestId("api-key").FillAsync(HubHost.AdminKey);
            await page.GetByTestId("connect").ClickAsync();
            await Expect(page.GetByTestId("message")).ToHaveTextAsync("Connected.");

            await page.GetByTestId("filter-installation").FillAsync(installation);
            await page.GetByTestId("apply-filters").ClickAsync();
            await Expect(page.GetByTestId("total")).ToHaveTextAsync("3 message(s)");
            var groupRow = page.GetByTestId("groups").Locator("tbody tr");
            await Expect(groupRow).ToHaveCountAsync(1);
            await Expect(groupRow).ToContainTextAsync(installation);

            await page.GetByTestId("messages").Locator("tbody tr").First.ClickAsync();
            await Expect(page.GetByTestId("detail-body")).ToContainTextAsync("ZW1");
            await Expect(page.GetByTestId("detail-stack")).ToContainTextAsync("MappingMissingException");

            await hub.MapStatusAsync("ZW1", "Available");
            await groupRow.GetByTestId("replay-group").ClickAsync();
            await Expect(page.GetByTestId("operation-text")).ToContainTextAsync("Completed: 3 succeeded, 0 failed again", new() { Timeout = 60_000 });
            await Expect(page.GetByTestId("operation-progress")).ToHaveAttributeAsync("value", "100");
            await Expect(page.GetByTestId("total")).ToHaveTextAsync("0 message(s)");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
