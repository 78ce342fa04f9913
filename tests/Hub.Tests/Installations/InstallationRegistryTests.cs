using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lsb.Hub.Tests.Infrastructure;

namespace Lsb.Hub.Tests.Installations;

/// <summary>The installation registry over HTTP, on each storage backend.</summary>
public abstract class InstallationRegistryTests(TestBackend backend) : IAsyncLifetime
{
    private HubHost _hub = null!;

    public async ValueTask InitializeAsync() => _hub = await HubHost.StartAsync(backend);

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null) await _hub.DisposeAsync();
    }

    private static object Registration(string id, string poi, params string[] isils) => new
    {
        id, vendor = "Wise", owningPoi = poi, endpoint = "http://127.0.0.1:1/", credentialsRef = id,
        libraries = isils.Select((isil, i) => new { isil, vendorLibraryId = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), name = "Bibliotheek " + i }).ToArray(),
    };

    [Fact]
    public async Task When_a_poi_registers_its_installation_Should_store_it_and_list_it()
    {
        using var poi = _hub.Client(HubHost.PoiKey);
        var created = await poi.PostAsJsonAsync("/api/v1/installations", Registration("testpoi-wise", HubHost.Poi, "NL-0800010000", "NL-0800010001"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/v1/installations/testpoi-wise", created.Headers.Location?.OriginalString);

        var list = await poi.GetFromJsonAsync<JsonElement>("/api/v1/installations", TestContext.Current.CancellationToken);
        var only = Assert.Single(list.EnumerateArray());
        Assert.Equal("testpoi-wise", only.GetProperty("id").GetString());
        Assert.Equal(2, only.GetProperty("libraries").GetArrayLength());

        var library = await poi.GetFromJsonAsync<JsonElement>("/api/v1/libraries/nl-0800010001", TestContext.Current.CancellationToken);
        Assert.Equal("testpoi-wise", library.GetProperty("installationId").GetString());
        Assert.Equal("NL-0800010001", library.GetProperty("isil").GetString());
    }

    [Fact]
    public async Task When_a_registration_is_invalid_Should_answer_problem_json_naming_each_field_and_store_nothing()
    {
        using var admin = _hub.Client();
        var response = await admin.PostAsJsonAsync("/api/v1/installations", new
        {
            id = "Not A Slug", vendor = "Koha", owningPoi = "testpoi", endpoint = "ftp://x", credentialsRef = "",
            libraries = new[] { new { isil = "NL-12", vendorLibraryId = "1" }, new { isil = "NL-0800010000", vendorLibraryId = "" } },
        }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "id", "vendor", "endpoint", "credentialsRef", "libraries[0].isil", "libraries[1].vendorLibraryId" })
            Assert.True(errors.TryGetProperty(field, out _), $"no error reported for {field}: {errors}");
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/installations", TestContext.Current.CancellationToken);
        Assert.Equal(0, list.GetArrayLength());
    }

    [Fact]
    public async Task When_the_body_is_not_json_Should_answer_problem_json()
    {
        using var admin = _hub.Client();
        var response = await admin.PostAsync("/api/v1/installations",
            new StringContent("{\"id\": \"x\", \"libraries\": [", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task When_an_isil_belongs_to_another_installation_Should_answer_409_and_store_nothing()
    {
        using var admin = _hub.Client();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/installations", Registration("first-wise", HubHost.Poi, "NL-0800020000"), TestContext.Current.CancellationToken)).StatusCode);
        var second = await admin.PostAsJsonAsync("/api/v1/installations", Registration("second-wise", HubHost.OtherPoi, "NL-0800030000", "NL-0800020000"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains("first-wise", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/installations/second-wise", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/libraries/NL-0800030000", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task When_a_poi_key_touches_another_pois_installation_Should_be_forbidden()
    {
        using var admin = _hub.Client();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/installations", Registration("other-wise", HubHost.OtherPoi, "NL-0800040000"), TestContext.Current.CancellationToken)).StatusCode);
        using var poi = _hub.Client(HubHost.PoiKey);
        Assert.Equal(HttpStatusCode.Forbidden, (await poi.GetAsync("/api/v1/installations/other-wise", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await poi.DeleteAsync("/api/v1/installations/other-wise", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await poi.PostAsJsonAsync("/api/v1/installations", Registration("sneaky-wise", HubHost.OtherPoi, "NL-0800050000"), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await poi.GetAsync("/api/v1/libraries/NL-0800040000", TestContext.Current.CancellationToken)).StatusCode);
        var list = await poi.GetFromJsonAsync<JsonElement>("/api/v1/installations", TestContext.Current.CancellationToken);
        Assert.Equal(0, list.GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/installations/other-wise", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task When_an_installation_is_deleted_Should_release_its_isils()
    {
        using var poi = _hub.Client(HubHost.PoiKey);
        Assert.Equal(HttpStatusCode.Created, (await poi.PostAsJsonAsync("/api/v1/installations", Registration("gone-wise", HubHost.Poi, "NL-0800060000"), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await poi.DeleteAsync("/api/v1/installations/gone-wise", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await poi.GetAsync("/api/v1/installations/gone-wise", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await poi.PostAsJsonAsync("/api/v1/installations", Registration("again-wise", HubHost.Poi, "NL-0800060000"), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-configured-key-1234")]
    public async Task When_the_key_is_missing_or_unknown_Should_answer_401_problem_json(string? key)
    {
        using var client = _hub.Client(key);
        foreach (var path in new[] { "/api/v1/installations", "/api/v1/events", "/api/v1/members/mbr-0192f0c8a1b27c3d8e9f000000000001" })
        {
            var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task When_a_poi_key_reads_the_raw_event_log_Should_be_forbidden()
    {
        using var poi = _hub.Client(HubHost.PoiKey);
        Assert.Equal(HttpStatusCode.Forbidden, (await poi.GetAsync("/api/v1/events", TestContext.Current.CancellationToken)).StatusCode);
        using var admin = _hub.Client();
        var page = await admin.GetFromJsonAsync<JsonElement>("/api/v1/events?after=0&limit=10", TestContext.Current.CancellationToken);
        Assert.Equal(0, page.GetProperty("head").GetInt64());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/v1/events?after=-1", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/v1/events?limit=100000", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task When_the_openapi_document_is_requested_Should_describe_the_registry()
    {
        using var client = _hub.Client(null);
        var doc = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", TestContext.Current.CancellationToken);
        Assert.True(doc.GetProperty("paths").TryGetProperty("/api/v1/installations", out _));
    }
}

public sealed class InstallationRegistryTests_on_Sqlite() : InstallationRegistryTests(TestBackend.Sqlite);

public sealed class InstallationRegistryTests_on_Postgres() : InstallationRegistryTests(TestBackend.Postgres);
