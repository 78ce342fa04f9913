using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Canonical.Members;
using Lsb.Hub.Ingest;
using Lsb.Hub.Storage;
using Lsb.Hub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lsb.Hub.Tests.CustomerView.Support;

/// <summary>
/// A hub without simulators, fed members the way an adapter feeds them: translated snapshots applied by the hub's own
/// <see cref="CanonicalIngest"/> (the same path a Wise page takes after translation). For the intake, consent, linking
/// and retention tests, which need exact control over members.
/// </summary>
public sealed class CustomerHub : IAsyncDisposable
{
    private long _version = 1;

    private CustomerHub(HubHost hub) => Hub = hub;

    public HubHost Hub { get; }
    public HubDatabase Database => Hub.Services.GetRequiredService<HubDatabase>();

    public static async Task<CustomerHub> StartAsync(TestBackend backend, IDictionary<string, string?>? settings = null)
    {
        var config = CustomerKeys.Settings();
        config["Retention:Scheduled"] = "false";
        if (settings is not null)
            foreach (var (k, v) in settings) config[k] = v;
        return new CustomerHub(await HubHost.StartAsync(backend, config));
    }

    public HttpClient Client(string? key = HubHost.AdminKey) => Hub.Client(key);

    /// <summary>A member snapshot as an adapter translates it.</summary>
    public MemberSnapshot Member(string localId, string isil, string card, string? nationalUserId = null, DateOnly? birthDate = null,
        string? familyName = "Jansen", bool? consent = null, DateTimeOffset? occurredAt = null) => new()
    {
        LocalId = localId,
        SourceEventId = $"test:{localId}:{_version}",
        SourceVersion = Interlocked.Increment(ref _version),
        OccurredAt = occurredAt ?? DateTimeOffset.UtcNow,
        HomeIsil = Isil.Parse(isil),
        CardNumber = card,
        NationalUserId = nationalUserId,
        GivenName = "Anna",
        FamilyName = familyName,
        BirthDate = birthDate,
        Category = MemberCategory.Adult,
        Status = MemberStatus.Active,
        ConsentIntegralView = consent,
    };

    /// <summary>Applies translated changes of <paramref name="installation"/> through the hub's ingest.</summary>
    public Task<IngestOutcome> IngestAsync(string installation, params CanonicalChange[] changes)
        => Hub.Services.GetRequiredService<CanonicalIngest>().ApplyAsync(installation, changes, "test", CancellationToken.None);

    /// <summary>Applies a member snapshot and returns the member's canonical id.</summary>
    public async Task<string> AddMemberAsync(string installation, MemberSnapshot snapshot)
    {
        await IngestAsync(installation, snapshot);
        return await MemberIdAsync(installation, snapshot.LocalId);
    }

    public async Task<string> MemberIdAsync(string installation, string localId)
    {
        await using var connection = await Database.OpenAsync();
        return await connection.ExecuteScalarAsync<string>(
            "SELECT canonical_id FROM id_map WHERE installation_id = @installation AND entity = 'member' AND local_id = @localId",
            new { installation, localId }) ?? throw new InvalidOperationException($"No member {localId} of {installation}.");
    }

    public async Task<string?> PersonOfAsync(string memberId)
    {
        await using var connection = await Database.OpenAsync();
        return await connection.ExecuteScalarAsync<string?>("SELECT person_id FROM member_persons WHERE member_id = @memberId", new { memberId });
    }

    public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await Database.OpenAsync();
        return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
    }

    public async Task<List<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await Database.OpenAsync();
        return [.. await connection.QueryAsync<T>(sql, parameters)];
    }

    /// <summary>Posts e-book events; returns status and body.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> PostEbookAsync(object body, string? key = CustomerKeys.Ebook)
    {
        using var client = Client(key);
        var response = await client.PostAsJsonAsync("/api/v1/digital-loans", body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Posts e-book events that MUST all be answered (200); returns the answer.</summary>
    public async Task<JsonElement> PostEventsAsync(params object[] events)
    {
        var (status, body) = await PostEbookAsync(new { events });
        Assert.True(status == HttpStatusCode.OK, $"POST /api/v1/digital-loans answered {(int)status}: {body}");
        return body;
    }

    public async Task<JsonElement> GetJsonAsync(string path, string? key = HubHost.AdminKey, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var client = Client(key);
        var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {path} answered {(int)response.StatusCode}, expected {(int)expected}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<JsonElement> PutConsentAsync(string memberId, object body, string? key = HubHost.AdminKey, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var client = Client(key);
        var response = await client.PutAsJsonAsync($"/api/v1/customers/{memberId}/consent", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"PUT consent answered {(int)response.StatusCode}, expected {(int)expected}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public ValueTask DisposeAsync() => Hub.DisposeAsync();
}
