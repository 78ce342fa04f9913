using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lsb.Hub.Adapters.Mapping;
using Lsb.Hub.Simulators.Wise;
using Lsb.Hub.Tests.FailedMessages.Support;
using Lsb.Hub.Tests.Infrastructure;

namespace Lsb.Hub.Tests.FailedMessages;

/// <summary>
/// The journey of issue 4: a Wise installation starts sending a loan status code nobody mapped; those loans fail
/// naming the file and the value; the administrator sees one group, adds the line to the mapping file (no restart),
/// replays the group, and every loan is processed exactly once, as if the code had always been mapped.
/// </summary>
public abstract class UnmappedLoanStatusJourneyTests(TestBackend backend) : IAsyncLifetime
{
    private const string NewCode = "UITZ";
    private const int Loans = 5;
    private readonly string _mappings = Path.Combine(Path.GetTempPath(), "lsb-hub-tests", "journey-mappings-" + Guid.NewGuid().ToString("N"));
    private WiseWorld _world = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        TestBackends.SkipUnlessAvailable(backend);
        // A private copy of the repository's mapping tables: the test edits one as an administrator would.
        var source = new MappingOptions().ResolveRoot();
        foreach (var file in Directory.EnumerateFiles(source, "*.csv", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_mappings, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        _world = await WiseWorld.StartAsync(backend, new Dictionary<string, string?>
        {
            ["Mappings:Path"] = _mappings,
            ["Mappings:ReloadCheckInterval"] = "00:00:00.050",
            ["Bus:DurabilityPollingInterval"] = "00:00:00.200",
            ["FailedMessages:PauseBetweenBatches"] = "00:00:00",
            ["FailedMessages:SettleCheckInterval"] = "00:00:00.100",
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_world is not null) await _world.DisposeAsync();
        try { Directory.Delete(_mappings, recursive: true); }
        catch (IOException) { /* left for the OS to clean */ }
    }

    private async Task<JsonElement> GetAsync(string path)
    {
        using var admin = _world.Hub.Client();
        return await admin.GetFromJsonAsync<JsonElement>(path, Ct);
    }

    [Fact]
    public async Task When_an_unmapped_loan_status_is_mapped_and_its_group_replayed_Should_process_every_loan_once_as_if_always_mapped()
    {
        var stats = _world.Control.Statistics(WiseWorld.Installation);
        await _world.WaitForEventsAsync(e => e.Count(x => x.GetProperty("eventType").GetString() == "LoanStarted") >= stats.OpenLoans, "the seed");
        var library = _world.Access.Libraries[0];

        // The vendor starts emitting a loan status code that is not in mappings/wise/loan-status.csv.
        _world.Control.EmitLoanStatus(WiseWorld.Installation, NewCode);
        var lent = new List<(SimulatedPatron Patron, SimulatedCopy Copy, SimulatedLoan Loan)>();
        for (var i = 0; i < Loans; i++)
        {
            var patron = _world.Control.AddPatron(WiseWorld.Installation, library.LibraryId, new PatronDraft { Status = "ACT" });
            var copy = _world.Control.AddItem(WiseWorld.Installation, library.LibraryId, new ItemDraft { Title = $"Reisverslag deel {i + 1}" });
            lent.Add((patron, copy, _world.Control.CheckOut(WiseWorld.Installation, copy.ItemId, patron.PatronSystemId)));
        }

        // Those loans fail, naming the file and the value; the administrator sees one group.
        await FailedMessagesHub.EventuallyAsync(async () =>
            (await GetAsync($"/api/v1/admin/failed-messages?installation={WiseWorld.Installation}")).GetProperty("total").GetInt32() == Loans,
            $"{Loans} failed loan changes");
        var groups = await GetAsync($"/api/v1/admin/failed-messages/groups?installation={WiseWorld.Installation}");
        var group = Assert.Single(groups.EnumerateArray());
        Assert.True(group.GetProperty("count").GetInt32() == Loans, $"group: {group}");
        var error = group.GetProperty("sampleMessage").GetString()!;
        Assert.Contains("mappings/wise/loan-status.csv", error, StringComparison.Ordinal);
        Assert.Contains($"'{NewCode}'", error, StringComparison.Ordinal);
        var failed = await GetAsync($"/api/v1/admin/failed-messages?group={group.GetProperty("key").GetString()}");
        Assert.All(failed.GetProperty("items").EnumerateArray(), m => Assert.Equal("Wise", m.GetProperty("vendor").GetString()));
        Assert.DoesNotContain(await _world.EventsAsync("LoanStarted"), e => e.GetProperty("payload").GetProperty("title").GetString()!.StartsWith("Reisverslag", StringComparison.Ordinal));

        // The administrator adds the line (no restart) and replays the group.
        await File.AppendAllTextAsync(Path.Combine(_mappings, "wise", "loan-status.csv"), $"*,{NewCode},Active,Uitgeleend via de zelfbedieningsautomaat\n", Ct);
        File.SetLastWriteTimeUtc(Path.Combine(_mappings, "wise", "loan-status.csv"), DateTime.UtcNow.AddSeconds(1));
        using var admin = _world.Hub.Client();
        var accepted = await admin.PostAsJsonAsync("/api/v1/admin/failed-messages/replay", new { group = group.GetProperty("key").GetString() }, Ct);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var operationId = (await accepted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        JsonElement operation = default;
        await FailedMessagesHub.EventuallyAsync(async () =>
        {
            operation = await GetAsync($"/api/v1/admin/operations/{operationId}");
            return operation.GetProperty("status").GetString() == "Completed" && operation.GetProperty("pending").GetInt32() == 0;
        }, "the replay to complete");
        Assert.True(operation.GetProperty("succeeded").GetInt32() == Loans && operation.GetProperty("failedAgain").GetInt32() == 0,
            $"replay operation: {operation}; still failed: {await GetAsync($"/api/v1/admin/failed-messages?installation={WiseWorld.Installation}")}");

        // A loan lent after the fix is mapped straight away: the reference for "as if always mapped".
        var refPatron = _world.Control.AddPatron(WiseWorld.Installation, library.LibraryId, new PatronDraft { Status = "ACT" });
        var refCopy = _world.Control.AddItem(WiseWorld.Installation, library.LibraryId, new ItemDraft { Title = "Reisverslag na de reparatie" });
        var refLoan = _world.Control.CheckOut(WiseWorld.Installation, refCopy.ItemId, refPatron.PatronSystemId);
        var events = await _world.WaitForEventsAsync(e => e.Count(x => x.GetProperty("eventType").GetString() == "LoanStarted"
            && x.GetProperty("payload").GetProperty("title").GetString()!.StartsWith("Reisverslag", StringComparison.Ordinal)) == Loans + 1, "every loan started");

        // Every message processed exactly once; nothing left in the store.
        Assert.Equal(0, (await GetAsync($"/api/v1/admin/failed-messages?installation={WiseWorld.Installation}")).GetProperty("total").GetInt32());
        Assert.Equal(Loans, (await GetAsync($"/api/v1/admin/failed-messages?installation={WiseWorld.Installation}&status=Resolved")).GetProperty("total").GetInt32());
        Assert.Equal(events.Count, events.Select(e => (e.GetProperty("subjectId").GetString(), e.GetProperty("eventType").GetString(), e.GetProperty("sourceEventId").GetString())).Distinct().Count());
        var reference = await LoanOfAsync(events, refCopy.Title);
        foreach (var (_, copy, loan) in lent)
        {
            var canonical = await LoanOfAsync(events, copy.Title);
            Assert.False(canonical.TryGetProperty("endedAt", out _));
            Assert.Equal(reference.GetProperty("renewals").GetInt32(), canonical.GetProperty("renewals").GetInt32());
            var holding = await GetAsync($"/api/v1/holdings/{canonical.GetProperty("holdingId").GetString()}");
            Assert.Equal(copy.Barcode, holding.GetProperty("barcode").GetString());
            Assert.Equal(holding.GetProperty("isil").GetString(), canonical.GetProperty("isil").GetString());
            Assert.Equal(copy.Title, canonical.GetProperty("title").GetString());
            Assert.Equal(loan.DueDate, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(canonical.GetProperty("dueAt").GetDateTimeOffset(), Amsterdam).DateTime));
        }
        Assert.Equal(refLoan.DueDate, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(reference.GetProperty("dueAt").GetDateTimeOffset(), Amsterdam).DateTime));
    }

    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>The canonical loan (over the API) of the one LoanStarted event with this title.</summary>
    private async Task<JsonElement> LoanOfAsync(List<JsonElement> events, string title)
    {
        var started = Assert.Single(events, e => e.GetProperty("eventType").GetString() == "LoanStarted" && e.GetProperty("payload").GetProperty("title").GetString() == title);
        var loans = await GetAsync($"/api/v1/loans?memberId={started.GetProperty("payload").GetProperty("memberId").GetString()}");
        return Assert.Single(loans.EnumerateArray());
    }
}

public sealed class UnmappedLoanStatusJourneyTests_on_Sqlite() : UnmappedLoanStatusJourneyTests(TestBackend.Sqlite);

public sealed class UnmappedLoanStatusJourneyTests_on_Postgres() : UnmappedLoanStatusJourneyTests(TestBackend.Postgres);
