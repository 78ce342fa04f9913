using System.Net.Http.Json;
using System.Text.Json;
using Lsb.Hub.Simulators.Brocade;
using Lsb.Hub.Simulators.VSmart;
using Lsb.Hub.Simulators.Wise;
using Lsb.Hub.Tests.Infrastructure;

namespace Lsb.Hub.Tests.Sandbox;

/// <summary>
/// <c>lsb-hub sandbox</c> as a developer starts it (README): its own process in an empty folder, the hub on a free port,
/// the admin key the banner prints. Within a bounded wait the hub's API must show members and holdings of each simulated
/// installation — V-smart, Wise and Brocade — in the event log and through the canonical read endpoints.
/// </summary>
public sealed class SandboxProcessTests : IAsyncLifetime
{
    private static readonly TimeSpan IngestWait = TimeSpan.FromSeconds(60);

    /// <summary>Each sandbox installation with the ISILs of its libraries and branches (the simulators' default topologies).</summary>
    private static readonly Dictionary<string, HashSet<string>> Installations = new(StringComparer.Ordinal)
    {
        [VSmartDefaultTopology.InstallationName] = [.. VSmartDefaultTopology.Installation.Libraries.SelectMany(l => l.Branches.Select(b => b.Isil).Append(l.Isil))],
        [WiseDefaultTopology.InstallationName] = [.. WiseDefaultTopology.Installation.Libraries.SelectMany(l => l.Branches.Select(b => b.Isil).Append(l.Isil))],
        [BrocadeDefaultTopology.InstallationName] = [.. BrocadeDefaultTopology.Installation.Libraries.SelectMany(l => l.Branches.Select(b => b.Isil).Append(l.Isil))],
    };

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "lsb-hub-sandbox", Guid.NewGuid().ToString("N"));
    private HubProcess? _sandbox;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_sandbox is not null) await _sandbox.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* a file still held open; the temp folder is cleaned by the OS */ }
    }

    [Fact]
    public async Task When_the_sandbox_is_started_Members_and_holdings_of_VSmart_Wise_and_Brocade_should_appear_over_the_api()
    {
        _sandbox = await HubProcess.StartSandboxAsync(_folder);
        using var admin = new HttpClient { BaseAddress = _sandbox.BaseAddress };
        admin.DefaultRequestHeaders.Add("X-Api-Key", _sandbox.AdminKey);

        var first = await FirstMembersAndHoldingsAsync(admin);

        foreach (var (installation, isils) in Installations)
        {
            var registration = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/installations/{installation}", Cancel);
            Assert.Equal(installation, registration.GetProperty("id").GetString());
            var member = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/members/{first[(installation, "MemberRegistered")]}", Cancel);
            Assert.Contains(member.GetProperty("homeIsil").GetString()!, isils);
            Assert.False(string.IsNullOrEmpty(member.GetProperty("cardNumber").GetString()), $"A member of {installation} without a card number: {member}");
            var holding = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/holdings/{first[(installation, "HoldingAdded")]}", Cancel);
            Assert.Contains(holding.GetProperty("isil").GetString()!, isils);
            Assert.False(string.IsNullOrEmpty(holding.GetProperty("barcode").GetString()), $"A holding of {installation} without a barcode: {holding}");
        }
    }

    /// <summary>Reads the event log as it grows until each installation has a MemberRegistered and a HoldingAdded; their subjects.</summary>
    private async Task<Dictionary<(string Installation, string EventType), string>> FirstMembersAndHoldingsAsync(HttpClient admin)
    {
        var first = new Dictionary<(string, string), string>();
        var wanted = Installations.Keys.SelectMany(i => new[] { (i, "MemberRegistered"), (i, "HoldingAdded") }).ToList();
        var deadline = DateTime.UtcNow + IngestWait;
        long after = 0;
        while (true)
        {
            var page = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/events?after={after}&limit=1000", Cancel);
            var events = page.GetProperty("events").EnumerateArray().ToList();
            foreach (var e in events)
            {
                var key = (e.GetProperty("sourceSystem").GetString()!, e.GetProperty("eventType").GetString()!);
                if (wanted.Contains(key)) first.TryAdd(key, e.GetProperty("subjectId").GetString()!);
            }
            if (first.Count == wanted.Count) return first;
            if (events.Count > 0)
            {
                after = page.GetProperty("next").GetInt64();
                continue;
            }
            if (DateTime.UtcNow > deadline)
            {
                var missing = string.Join(", ", wanted.Where(w => !first.ContainsKey(w)).Select(w => $"{w.Item2} of {w.Item1}"));
                Assert.Fail($"After {IngestWait.TotalSeconds} s the sandbox's event log ({after} events) still lacks {missing}.\n{_sandbox!.Tail()}");
            }
            await Task.Delay(500, Cancel);
        }
    }
}
