using System.Net.Http.Json;
using System.Text.Json;
using Lsb.Hub.Simulators.Brocade.Control;
using Lsb.Hub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Persistence.Durability;
using Wolverine.Persistence.Durability.DeadLetterManagement;

namespace Lsb.Hub.Tests.Ingest;

/// <summary>From a change in a Brocade installation, through its export folder, adapter and the bus, to the canonical store and log.</summary>
public abstract class BrocadeIngestEndToEndTests(TestBackend backend) : IAsyncLifetime
{
    private BrocadeWorld _world = null!;

    public async ValueTask InitializeAsync() => _world = await BrocadeWorld.StartAsync(backend);

    public async ValueTask DisposeAsync()
    {
        if (_world is not null) await _world.DisposeAsync();
    }

    private static string Type(JsonElement e) => e.GetProperty("eventType").GetString()!;

    private static string SourceEventId(JsonElement e) => e.GetProperty("sourceEventId").GetString()!;

    [Fact]
    public async Task When_a_member_is_registered_in_Brocade_Should_be_a_member_in_the_log_and_over_the_api_after_the_next_export()
    {
        var member = _world.Control.AddMember(new MemberDraft { LibraryCode = "RLO", BranchCode = "RLO02", GivenName = "Fenna", FamilyName = "Smit", CardNumber = "29990000777001" });
        _world.Control.ExportNow(ExportKind.Delta);

        var events = await _world.WaitForEventsAsync(e => e.Any(x => Type(x) == "MemberRegistered" && SourceEventId(x).EndsWith(":" + member.MemberNumber, StringComparison.Ordinal)),
            $"MemberRegistered for Brocade member {member.MemberNumber}");
        var registered = events.Single(x => Type(x) == "MemberRegistered" && SourceEventId(x).EndsWith(":" + member.MemberNumber, StringComparison.Ordinal));
        Assert.Equal("NL-0853020001", registered.GetProperty("payload").GetProperty("homeIsil").GetString());
        Assert.DoesNotContain("Fenna", registered.GetRawText(), StringComparison.Ordinal);
        using var admin = _world.Hub.Client();
        var view = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/members/{registered.GetProperty("subjectId").GetString()}");
        Assert.Equal("Fenna", view.GetProperty("givenName").GetString());
        Assert.Equal("29990000777001", view.GetProperty("cardNumber").GetString());
    }

    [Fact]
    public async Task When_an_export_is_delivered_twice_Should_log_its_changes_once()
    {
        var copy = _world.Control.AddCopy(new CopyDraft { LibraryCode = "DRB", BranchCode = "DRB02", Title = "Twee keer geleverd", Material = "BK" });
        _world.Control.ExportNow(ExportKind.Delta, ExportWriteMode.DeliveredTwice);
        var marker = _world.Control.AddCopy(new CopyDraft { LibraryCode = "DRB", Title = "Na de herlevering", Material = "BK" });
        _world.Control.ExportNow(ExportKind.Delta);

        var events = await _world.WaitForEventsAsync(e => e.Any(x => Type(x) == "HoldingAdded" && SourceEventId(x).EndsWith(":" + marker.CopyNumber, StringComparison.Ordinal)),
            "the copy exported after the duplicate delivery");
        Assert.Single(events, x => Type(x) == "HoldingAdded" && SourceEventId(x).EndsWith(":" + copy.CopyNumber, StringComparison.Ordinal));
        Assert.Equal(events.Count, events.Select(x => (x.GetProperty("subjectId").GetString(), Type(x))).Distinct().Count());
    }

    [Fact]
    public async Task When_a_row_of_an_export_is_broken_Should_fail_that_row_naming_file_line_and_column_while_the_rest_of_the_file_lands()
    {
        var broken = _world.Control.AddMember(new MemberDraft { LibraryCode = "DRB", BranchCode = "DRB01" });
        _world.Control.UpdateMember(broken.MemberNumber, new MemberUpdate { RawBirthDate = "31-02-1980" });
        var fine = _world.Control.AddMember(new MemberDraft { LibraryCode = "DRB", BranchCode = "DRB01", FamilyName = "Heel" });
        var run = _world.Control.ExportNow(ExportKind.Delta);
        var file = Path.GetFileName(run.Files.Single(f => Path.GetFileName(f).StartsWith("LEDEN_", StringComparison.Ordinal)));

        var events = await _world.WaitForEventsAsync(e => e.Any(x => Type(x) == "MemberRegistered" && SourceEventId(x) == $"{file}:{fine.MemberNumber}"),
            "the good row of the file with a broken row");
        Assert.DoesNotContain(events, x => SourceEventId(x) == $"{file}:{broken.MemberNumber}");

        var deadLetters = _world.Hub.Services.GetRequiredService<IMessageStore>().DeadLetters;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string? failure = null;
        while (failure is null && DateTime.UtcNow < deadline)
        {
            var found = await deadLetters.QueryAsync(new DeadLetterEnvelopeQuery(), CancellationToken.None);
            failure = found.Envelopes.Select(d => d.ExceptionMessage).FirstOrDefault(m => m?.Contains(file, StringComparison.Ordinal) == true);
            if (failure is null) await Task.Delay(250);
        }
        Assert.NotNull(failure);
        Assert.Contains($"{file} line ", failure, StringComparison.Ordinal);
        Assert.Contains("column 9 'Geboortedatum'", failure, StringComparison.Ordinal);
        Assert.Contains("'31-02-1980' is not a date (dd-MM-yyyy)", failure, StringComparison.Ordinal);
    }
}

public sealed class BrocadeIngestEndToEndTests_on_Sqlite() : BrocadeIngestEndToEndTests(TestBackend.Sqlite);

public sealed class BrocadeIngestEndToEndTests_on_Postgres() : BrocadeIngestEndToEndTests(TestBackend.Postgres);
