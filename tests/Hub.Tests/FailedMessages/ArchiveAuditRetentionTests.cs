using System.Net;
using Lsb.Hub.FailedMessages;
using Lsb.Hub.FailedMessages.Retention;
using Lsb.Hub.Tests.FailedMessages.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Lsb.Hub.Tests.FailedMessages;

/// <summary>Archive and unarchive, discard with confirmation, comments on groups, the audit trail and retention.</summary>
public abstract class ArchiveAuditRetentionTests(FailedMessagesHub hub)
{
    [Fact]
    public async Task When_messages_are_archived_Should_leave_the_default_list_and_refuse_replay_until_unarchived()
    {
        var (installation, _, _) = await hub.NewInstallationAsync();
        hub.Feed.AddCopy(installation, "AR-1", "ZA1");
        hub.Feed.AddCopy(installation, "AR-2", "ZA1");
        await hub.WaitForFailedAsync(installation, 2);
        var id = (await hub.FailedAsync(installation)).GetProperty("items")[0].GetProperty("id").GetString();

        var (archived, result) = await hub.PostAsync("/api/v1/admin/failed-messages/archive", new { filter = new { installation } });
        Assert.Equal(HttpStatusCode.OK, archived);
        Assert.Equal(2, result.GetProperty("affected").GetInt32());
        Assert.Equal(0, (await hub.FailedAsync(installation)).GetProperty("total").GetInt32());
        Assert.Equal(2, (await hub.FailedAsync(installation, "Archived")).GetProperty("total").GetInt32());
        Assert.Empty((await hub.GetAsync($"/api/v1/admin/failed-messages/groups?installation={installation}")).EnumerateArray());
        var (replay, problem) = await hub.PostAsync($"/api/v1/admin/failed-messages/{id}/replay");
        Assert.Equal(HttpStatusCode.Conflict, replay);
        Assert.Contains("unarchive", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var (restored, _) = await hub.PostAsync($"/api/v1/admin/failed-messages/{id}/unarchive");
        Assert.Equal(HttpStatusCode.OK, restored);
        Assert.Equal(1, (await hub.FailedAsync(installation)).GetProperty("total").GetInt32());
        Assert.Equal(1, (await hub.FailedAsync(installation, "Archived")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task When_discarding_without_the_confirmation_Should_delete_nothing_and_say_how_many_would_go()
    {
        var (installation, _, _) = await hub.NewInstallationAsync();
        for (var i = 0; i < 3; i++) hub.Feed.AddCopy(installation, $"D-{i}", "ZA2");
        await hub.WaitForFailedAsync(installation, 3);

        var (refused, problem) = await hub.PostAsync("/api/v1/admin/failed-messages/discard", new { filter = new { installation } });
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Contains("deletes 3 message(s)", problem.GetProperty("errors").GetProperty("confirm")[0].GetString(), StringComparison.Ordinal);
        var (wrong, _) = await hub.PostAsync("/api/v1/admin/failed-messages/discard", new { filter = new { installation }, confirm = "yes" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong);
        var (everything, _) = await hub.PostAsync("/api/v1/admin/failed-messages/discard", new { confirm = "DISCARD" });
        Assert.Equal(HttpStatusCode.BadRequest, everything);
        Assert.Equal(3, (await hub.FailedAsync(installation)).GetProperty("total").GetInt32());

        var (discarded, result) = await hub.PostAsync("/api/v1/admin/failed-messages/discard", new { filter = new { installation }, confirm = "DISCARD" });
        Assert.Equal(HttpStatusCode.OK, discarded);
        Assert.Equal(3, result.GetProperty("affected").GetInt32());
        Assert.Equal(0, (await hub.FailedAsync(installation)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task When_administrators_act_Should_record_who_did_what_and_when_in_a_queryable_audit_trail()
    {
        var (installation, _, _) = await hub.NewInstallationAsync();
        hub.Feed.AddCopy(installation, "AU-1", "ZA3");
        await hub.WaitForFailedAsync(installation, 1);
        var group = (await hub.GetAsync($"/api/v1/admin/failed-messages/groups?installation={installation}"))[0].GetProperty("key").GetString();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1).ToString("O", System.Globalization.CultureInfo.InvariantCulture);

        var (commented, comment) = await hub.PostAsync($"/api/v1/admin/failed-messages/groups/{group}/comments", new { text = "Wacht op bevestiging van OCLC voor code ZA3" });
        Assert.Equal(HttpStatusCode.Created, commented);
        Assert.Equal("test-admin", comment.GetProperty("author").GetString());
        var (_, operation) = await hub.PostAsync("/api/v1/admin/failed-messages/replay", new { group });
        await hub.WaitForOperationAsync(operation.GetProperty("id").GetString()!);
        await hub.PostAsync("/api/v1/admin/failed-messages/archive", new { group });

        var comments = await hub.GetAsync($"/api/v1/admin/failed-messages/groups/{group}/comments");
        Assert.Equal("Wacht op bevestiging van OCLC voor code ZA3", Assert.Single(comments.EnumerateArray()).GetProperty("text").GetString());
        var trail = await hub.GetAsync($"/api/v1/admin/failed-messages/audit?actor=test-admin&from={Uri.EscapeDataString(before)}&pageSize=500");
        var mine = trail.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("target").GetString()!.Contains(group!, StringComparison.Ordinal)).ToList();
        Assert.Equal(["archive", "replay", "comment"], mine.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal(operation.GetProperty("id").GetString(), mine[1].GetProperty("operationId").GetString());
        Assert.Equal(1, mine[1].GetProperty("affected").GetInt32());
        var replays = await hub.GetAsync($"/api/v1/admin/failed-messages/audit?action=replay&operationId={operation.GetProperty("id").GetString()}");
        Assert.Equal(1, replays.GetProperty("total").GetInt32());
        using var admin = hub.Host.Client();
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/v1/admin/failed-messages/audit?action=delete", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task When_retention_runs_Should_remove_old_archived_and_resolved_messages_and_keep_failed_ones()
    {
        var (installation, _, _) = await hub.NewInstallationAsync();
        for (var i = 0; i < 3; i++) hub.Feed.AddCopy(installation, $"RT-{i}", i == 0 ? "ZA4" : i == 1 ? "ZA5" : "ZA6");
        await hub.WaitForFailedAsync(installation, 3);
        var items = (await hub.FailedAsync(installation)).GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("exceptionMessage").GetString()!.Contains("'ZA4'", StringComparison.Ordinal) ? "archive"
                : i.GetProperty("exceptionMessage").GetString()!.Contains("'ZA5'", StringComparison.Ordinal) ? "resolve" : "keep", i => i.GetProperty("id").GetString()!);
        await hub.PostAsync($"/api/v1/admin/failed-messages/{items["archive"]}/archive");
        await hub.MapStatusAsync("ZA5", "Missing");
        var (_, operation) = await hub.PostAsync($"/api/v1/admin/failed-messages/{items["resolve"]}/replay");
        await hub.WaitForOperationAsync(operation.GetProperty("id").GetString()!);

        var retention = hub.Host.Services.GetRequiredService<FailedMessageRetention>();
        await retention.RunAsync(DateTimeOffset.UtcNow.AddHours(1), TestContext.Current.CancellationToken);
        Assert.Equal(1, (await hub.FailedAsync(installation, "Archived")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await hub.FailedAsync(installation, "Resolved")).GetProperty("total").GetInt32());
        var later = await retention.RunAsync(DateTimeOffset.UtcNow.AddDays(400), TestContext.Current.CancellationToken);

        Assert.True(later.Archived >= 1 && later.Resolved >= 1, $"retention removed {later}");
        Assert.Equal(0, (await hub.FailedAsync(installation, "Archived")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await hub.FailedAsync(installation, "Resolved")).GetProperty("total").GetInt32());
        Assert.Equal(items["keep"], Assert.Single((await hub.FailedAsync(installation)).GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.True((await hub.GetAsync("/api/v1/admin/failed-messages/audit?actor=system:retention")).GetProperty("total").GetInt32() >= 2);
    }
}

public sealed class ArchiveAuditRetentionTests_on_Sqlite(SqliteFailedMessagesHub hub) : ArchiveAuditRetentionTests(hub), IClassFixture<SqliteFailedMessagesHub>;

public sealed class ArchiveAuditRetentionTests_on_Postgres(PostgresFailedMessagesHub hub) : ArchiveAuditRetentionTests(hub), IClassFixture<PostgresFailedMessagesHub>;

/// <summary>Retention settings are validated at start-up.</summary>
public sealed class RetentionOptionsTests
{
    [Theory]
    [InlineData("RetainArchivedFor", "12:00:00")]
    [InlineData("RetainResolvedFor", "00:00:00")]
    public void When_retention_is_set_below_the_minimum_Should_be_refused_naming_the_setting(string setting, string value)
    {
        var options = new FailedMessagesOptions();
        typeof(FailedMessagesOptions).GetProperty(setting)!.SetValue(options, TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        Assert.False(System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true));
        Assert.Contains(results, r => r.ErrorMessage!.Contains("FailedMessages:" + setting, StringComparison.Ordinal) && r.ErrorMessage.Contains("1 day", StringComparison.Ordinal));
    }

    [Fact]
    public void When_retention_is_the_default_Should_be_valid()
    {
        var options = new FailedMessagesOptions();
        Assert.True(System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), [], validateAllProperties: true));
        Assert.True(options.RetainArchivedFor >= FailedMessagesOptions.MinimumRetention && options.ReplayBatchSize <= 1000);
    }
}
