using System.Net;
using System.Text.Json;
using Lsb.Hub.Tests.FailedMessages.Support;
using Lsb.Hub.Tests.Infrastructure;

namespace Lsb.Hub.Tests.FailedMessages;

/// <summary>What lands in the failed-message store and how administrators find it: detail, filters, paging, groups.</summary>
public abstract class FailedMessageStoreTests(FailedMessagesHub hub)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task When_a_change_has_an_unmapped_code_Should_land_in_the_store_with_its_origin_the_error_and_the_stack_trace()
    {
        var (installation, isil1, _) = await hub.NewInstallationAsync();
        hub.Feed.AddCopy(installation, "C-1", "AV");
        var failing = hub.Feed.AddCopy(installation, "C-2", "QQ1");
        await hub.WaitForFailedAsync(installation, 1);

        var list = await hub.FailedAsync(installation);
        var item = list.GetProperty("items")[0];
        Assert.Equal("Lsb.Hub.Adapters.MappingMissingException", item.GetProperty("exceptionType").GetString());
        Assert.Contains("'QQ1'", item.GetProperty("exceptionMessage").GetString(), StringComparison.Ordinal);
        Assert.Contains("mappings/test/item-status.csv", item.GetProperty("exceptionMessage").GetString(), StringComparison.Ordinal);
        Assert.Equal(installation, item.GetProperty("installation").GetString());
        Assert.Equal("Brocade", item.GetProperty("vendor").GetString());
        Assert.Equal(isil1, item.GetProperty("library").GetString());
        Assert.Equal("Failed", item.GetProperty("status").GetString());
        Assert.Equal(1, item.GetProperty("failures").GetInt32());

        var detail = await hub.GetAsync($"/api/v1/admin/failed-messages/{item.GetProperty("id").GetString()}");
        Assert.Contains(failing.SourceEventId, detail.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Contains("\n", detail.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Contains("at Lsb.Hub", detail.GetProperty("stackTrace").GetString(), StringComparison.Ordinal);
        Assert.Equal(installation, detail.GetProperty("headers").GetProperty("lsb-installation").GetString());
        Assert.True(detail.GetProperty("summary").GetProperty("attempts").GetInt32() >= 1);
        Assert.Equal(0, detail.GetProperty("replays").GetArrayLength());
    }

    [Fact]
    public async Task When_listing_with_filters_Should_count_and_page_only_the_matching_messages()
    {
        var (first, isil1, isil2) = await hub.NewInstallationAsync();
        var (second, _, _) = await hub.NewInstallationAsync();
        for (var i = 0; i < 5; i++) hub.Feed.AddCopy(first, $"F-{i}", "QQ2", vendorLibraryId: i < 3 ? "1" : "2");
        hub.Feed.AddCopy(second, "S-1", "QQ2");
        await hub.WaitForFailedAsync(first, 5);
        await hub.WaitForFailedAsync(second, 1);

        var page1 = await hub.GetAsync($"/api/v1/admin/failed-messages?installation={first}&pageSize=2&page=1");
        var page3 = await hub.GetAsync($"/api/v1/admin/failed-messages?installation={first}&pageSize=2&page=3");
        Assert.Equal(5, page1.GetProperty("total").GetInt32());
        Assert.Equal(2, page1.GetProperty("items").GetArrayLength());
        Assert.Equal(1, page3.GetProperty("items").GetArrayLength());
        Assert.Equal(3, (await hub.GetAsync($"/api/v1/admin/failed-messages?library={isil1}")).GetProperty("total").GetInt32());
        Assert.Equal(2, (await hub.GetAsync($"/api/v1/admin/failed-messages?library={isil2.ToLowerInvariant()}")).GetProperty("total").GetInt32());
        Assert.Equal(5, (await hub.FailedAsync(first, extra: "&vendor=Brocade&messageType=Lsb.Hub.Ingest.IngestChange&exceptionType=Lsb.Hub.Adapters.MappingMissingException")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await hub.FailedAsync(first, extra: "&vendor=Wise")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await hub.FailedAsync(first, extra: "&exceptionType=System.TimeoutException")).GetProperty("total").GetInt32());
        var future = DateTimeOffset.UtcNow.AddHours(1).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(0, (await hub.FailedAsync(first, extra: "&from=" + Uri.EscapeDataString(future))).GetProperty("total").GetInt32());
        Assert.Equal(5, (await hub.FailedAsync(first, extra: "&to=" + Uri.EscapeDataString(future))).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task When_messages_fail_the_same_way_Should_form_one_group_with_count_and_first_and_last_seen()
    {
        var (installation, _, _) = await hub.NewInstallationAsync();
        for (var i = 0; i < 4; i++) hub.Feed.AddCopy(installation, $"G-{i}", "QQ3");
        await hub.WaitForFailedAsync(installation, 4);

        var groups = await hub.GetAsync($"/api/v1/admin/failed-messages/groups?installation={installation}");
        var group = Assert.Single(groups.EnumerateArray());
        Assert.Equal(4, group.GetProperty("count").GetInt32());
        Assert.Equal("Lsb.Hub.Adapters.MappingMissingException", group.GetProperty("exceptionType").GetString());
        Assert.Equal("Lsb.Hub.Ingest.IngestChange", group.GetProperty("messageType").GetString());
        Assert.Equal(installation, group.GetProperty("installation").GetString());
        Assert.True(group.GetProperty("firstFailedAt").GetDateTimeOffset() <= group.GetProperty("lastFailedAt").GetDateTimeOffset());
        var key = group.GetProperty("key").GetString();
        Assert.Equal(4, (await hub.GetAsync($"/api/v1/admin/failed-messages?group={key}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task When_the_filter_is_malformed_Should_answer_problem_json_naming_the_field()
    {
        using var admin = hub.Host.Client();
        foreach (var (query, field) in new[] { ("from=yesterday", "from"), ("pageSize=100000", "pageSize"), ("status=Gone", "status"), ("page=0", "page") })
        {
            var response = await admin.GetAsync($"/api/v1/admin/failed-messages?{query}", Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
        }
    }

    [Fact]
    public async Task When_a_key_without_scope_admin_calls_the_api_Should_be_forbidden()
    {
        using var poi = hub.Host.Client(HubHost.PoiKey);
        foreach (var path in new[] { "/api/v1/admin/failed-messages", "/api/v1/admin/failed-messages/groups", "/api/v1/admin/failed-messages/audit", "/api/v1/admin/operations" })
            Assert.Equal(HttpStatusCode.Forbidden, (await poi.GetAsync(path, Ct)).StatusCode);
        var replay = await poi.PostAsync("/api/v1/admin/failed-messages/replay",
            new StringContent("{\"group\":\"x\"}", System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, replay.StatusCode);
        using var anonymous = hub.Host.Client(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/admin/failed-messages", Ct)).StatusCode);
    }
}

public sealed class FailedMessageStoreTests_on_Sqlite(SqliteFailedMessagesHub hub) : FailedMessageStoreTests(hub), IClassFixture<SqliteFailedMessagesHub>;

public sealed class FailedMessageStoreTests_on_Postgres(PostgresFailedMessagesHub hub) : FailedMessageStoreTests(hub), IClassFixture<PostgresFailedMessagesHub>;
