using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Adapters.Contract;
using Lsb.Hub.Simulators.Brocade;
using Lsb.Hub.Simulators.Brocade.Control;

namespace Lsb.Hub.Adapters.Brocade.Tests;

/// <summary>The export reader: exactly once, whole files only, quirks of real exports, and the snapshot differ.</summary>
public sealed class ExportReaderTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<(BrocadeSimulatorHost Simulator, BrocadeAdapterHost Host, IIlsAdapter Adapter)> StartAsync(BrocadeSimulatorOptions? options = null)
    {
        var simulator = await BrocadeSimulator.StartAsync(options ?? new BrocadeSimulatorOptions { MembersPerLibrary = 5, CopiesPerLibrary = 10, LoansPerLibrary = 3 });
        var host = new BrocadeAdapterHost(new Dictionary<string, string?> { ["Adapters:Brocade:IncompleteExportGrace"] = "01:00:00" });
        return (simulator, host, host.Create(simulator.Installation));
    }

    /// <summary>A simulator without members, copies or loans, and the cursor after its first exports.</summary>
    internal static async Task<(BrocadeSimulatorHost Simulator, BrocadeAdapterHost Host, IIlsAdapter Adapter, string? Cursor)> StartEmptyAtTheEndAsync()
    {
        var (simulator, host, adapter) = await StartAsync(new BrocadeSimulatorOptions { MembersPerLibrary = 0, CopiesPerLibrary = 0, LoansPerLibrary = 0 });
        var (_, cursor) = await ChangeFeed.ReadToEndAsync(adapter, null, 1000, Cancel);
        return (simulator, host, adapter, cursor);
    }

    [Fact]
    public async Task When_an_export_is_half_written_Nothing_of_it_should_be_read_until_it_is_complete_and_then_all_of_it_once()
    {
        var (simulator, host, adapter) = await StartAsync();
        await using var _ = simulator;
        using var __ = host;
        var (_, cursor) = await ChangeFeed.ReadToEndAsync(adapter, null, 1000, Cancel);
        var member = simulator.Control.AddMember(new MemberDraft { LibraryCode = "DRB" });
        simulator.Control.ExportNow(ExportKind.Delta, ExportWriteMode.HalfWritten);
        var (during, _) = await ChangeFeed.ReadToEndAsync(adapter, cursor, 1000, Cancel);
        Assert.Empty(during);
        Assert.Equal(4, simulator.Control.CompletePendingExports());
        var (after, end) = await ChangeFeed.ReadToEndAsync(adapter, cursor, 1000, Cancel);
        Assert.Single(after, c => c.LocalId == member.MemberNumber);
        Assert.Empty((await ChangeFeed.ReadToEndAsync(adapter, end, 1000, Cancel)).Changes);
    }

    [Fact]
    public async Task When_an_export_is_delivered_twice_under_two_names_Its_changes_should_be_read_once()
    {
        var (simulator, host, adapter) = await StartAsync();
        await using var _ = simulator;
        using var __ = host;
        var (_, cursor) = await ChangeFeed.ReadToEndAsync(adapter, null, 1000, Cancel);
        var copy = simulator.Control.AddCopy(new CopyDraft { LibraryCode = "DRB" });
        simulator.Control.ExportNow(ExportKind.Delta, ExportWriteMode.DeliveredTwice);
        var (changes, _) = await ChangeFeed.ReadToEndAsync(adapter, cursor, 1000, Cancel);
        Assert.Single(changes, c => c.LocalId == copy.CopyNumber);
    }

    [Fact]
    public async Task When_a_full_export_follows_another_Only_the_differences_should_be_read_including_deletions()
    {
        var (simulator, host, adapter) = await StartAsync();
        await using var _ = simulator;
        using var __ = host;
        var (seed, cursor) = await ChangeFeed.ReadToEndAsync(adapter, null, 1000, Cancel);
        var member = simulator.Control.ListMembers(0, 1)[0];
        var added = simulator.Control.AddCopy(new CopyDraft { LibraryCode = "RLO" });
        simulator.Control.UpdateMember(member.MemberNumber, new MemberUpdate { City = "Zwolle" });
        simulator.Control.ExportNow(ExportKind.Full);
        var (diff, next) = await ChangeFeed.ReadToEndAsync(adapter, cursor, 1000, Cancel);
        Assert.Equal(2, diff.Count);
        Assert.Contains(diff, c => c.LocalId == added.CopyNumber);
        Assert.Equal("Zwolle", Assert.IsType<MemberSnapshot>(adapter.Translate(Assert.Single(diff, c => c.LocalId == member.MemberNumber))).Address?.City);

        simulator.Control.WithdrawCopy(added.CopyNumber);
        simulator.Control.ExportNow(ExportKind.Full);
        var (gone, _) = await ChangeFeed.ReadToEndAsync(adapter, next, 1000, Cancel);
        Assert.IsType<HoldingGone>(adapter.Translate(Assert.Single(gone)));
        Assert.True(seed.Count > 30);
    }

    [Fact]
    public async Task When_the_desk_notes_a_guest_s_card_on_a_loan_to_a_guest_account_The_exported_loan_should_carry_that_card_and_an_ordinary_loan_none()
    {
        var (simulator, host, adapter, cursor) = await StartEmptyAtTheEndAsync();
        await using var _ = simulator;
        using var __ = host;
        var account = simulator.Control.AddMember(new MemberDraft { LibraryCode = "DRB", CardNumber = "GAST-NL-0853010000-NL-0851010000", Status = "A" });
        var member = simulator.Control.AddMember(new MemberDraft { LibraryCode = "DRB", Status = "A" });
        var guestCopy = simulator.Control.AddCopy(new CopyDraft { LibraryCode = "DRB", Status = "A" });
        var ownCopy = simulator.Control.AddCopy(new CopyDraft { LibraryCode = "DRB", Status = "A" });

        var guestLoan = simulator.Control.Lend(guestCopy.CopyNumber, account.MemberNumber, guestCardNumber: "2888200000099");
        var ownLoan = simulator.Control.Lend(ownCopy.CopyNumber, member.MemberNumber);
        simulator.Control.ExportNow(ExportKind.Delta);

        var (changes, _) = await ChangeFeed.ReadToEndAsync(adapter, cursor, 1000, Cancel);
        var loans = changes.Select(adapter.Translate).OfType<LoanSnapshot>().ToDictionary(l => l.LocalId);
        Assert.Equal("2888200000099", loans[guestLoan.LoanNumber].GuestCardNumber);
        Assert.Null(loans[ownLoan.LoanNumber].GuestCardNumber);
    }

    [Fact]
    public async Task When_the_desk_takes_in_a_barcode_Brocade_does_not_know_The_take_in_row_should_become_one_ForeignCopyReturned_however_often_it_is_exported()
    {
        var (simulator, host, adapter, cursor) = await StartEmptyAtTheEndAsync();
        await using var _ = simulator;
        using var __ = host;
        var member = simulator.Control.AddMember(new MemberDraft { LibraryCode = "DRB", Status = "A" });
        var ownCopy = simulator.Control.AddCopy(new CopyDraft { LibraryCode = "DRB", Status = "A" });
        var loan = simulator.Control.Lend(ownCopy.CopyNumber, member.MemberNumber);
        Assert.Equal(loan.LoanNumber, simulator.Control.TakeInAtDesk("DRB", ownCopy.Barcode)?.LoanNumber);
        Assert.Null(simulator.Control.TakeInAtDesk("DRB", "3088000000777"));
        simulator.Control.ExportNow(ExportKind.Delta);

        var (changes, next) = await ChangeFeed.ReadToEndAsync(adapter, cursor, 1000, Cancel);
        var returned = Assert.Single(changes.Select(adapter.Translate).OfType<ForeignCopyReturned>());
        Assert.Equal("3088000000777", returned.Barcode);
        Assert.Equal("NL-0853010000", returned.ReturningIsil.Value);
        Assert.Contains(changes.Select(adapter.Translate).OfType<LoanSnapshot>(), l => l.LocalId == loan.LoanNumber && l.EndedAt is not null);

        // The full exports keep listing the row (a log): it comes once more with the same event, then never again.
        simulator.Control.ExportNow(ExportKind.Full);
        var (full, end) = await ChangeFeed.ReadToEndAsync(adapter, next, 1000, Cancel);
        Assert.Equal(returned.SourceEventId, Assert.Single(full.Select(adapter.Translate).OfType<ForeignCopyReturned>()).SourceEventId);
        simulator.Control.ExportNow(ExportKind.Full);
        Assert.DoesNotContain((await ChangeFeed.ReadToEndAsync(adapter, end, 1000, Cancel)).Changes.Select(adapter.Translate), c => c is ForeignCopyReturned);
    }

    [Fact]
    public async Task When_holdings_are_exported_in_MARC_8_They_should_translate_exactly_as_in_UTF_8()
    {
        var (utf8Simulator, utf8Host, utf8) = await StartAsync(new BrocadeSimulatorOptions { MembersPerLibrary = 0, CopiesPerLibrary = 40, LoansPerLibrary = 0 });
        var (marc8Simulator, marc8Host, marc8) = await StartAsync(new BrocadeSimulatorOptions { MembersPerLibrary = 0, CopiesPerLibrary = 40, LoansPerLibrary = 0, HoldingsCharacterSet = MarcCharacterSetChoice.Marc8 });
        await using var _ = utf8Simulator;
        await using var __ = marc8Simulator;
        using var ___ = utf8Host;
        using var ____ = marc8Host;
        var a = (await ChangeFeed.ReadToEndAsync(utf8, null, 1000, Cancel)).Changes.Select(utf8.Translate).OfType<HoldingSnapshot>().ToList();
        var b = (await ChangeFeed.ReadToEndAsync(marc8, null, 1000, Cancel)).Changes.Select(marc8.Translate).OfType<HoldingSnapshot>().ToList();
        Assert.Equal(80, a.Count);
        Assert.Contains(a, h => h.Title.Any(c => c > 127) || (h.Author ?? string.Empty).Any(c => c > 127));
        Assert.Equal(a.Select(h => (h.LocalId, h.Title, h.Author, h.Location)), b.Select(h => (h.LocalId, h.Title, h.Author, h.Location)));
    }

    [Fact]
    public async Task When_a_full_export_is_not_sorted_by_key_The_diff_should_equal_that_of_the_sorted_export()
    {
        var folder = Path.Combine(Path.GetTempPath(), "lsb-brocade-exports", Guid.NewGuid().ToString("N"));
        var (simulator, host, _) = await StartAsync(new BrocadeSimulatorOptions { MembersPerLibrary = 0, CopiesPerLibrary = 0, LoansPerLibrary = 0 });
        await using var _s = simulator;
        using var _h = host;
        async Task<List<string>> DiffAsync(bool shuffled, string name)
        {
            var exports = Path.Combine(folder, name);
            simulator.Control.WriteSyntheticHoldingsExport(3000, night: 0, shuffled: shuffled, folder: exports, number: 1);
            var access = simulator.Installation with { Endpoint = BrocadeInstallationAccess.EndpointFor("127.0.0.1", simulator.Installation.SipPort, exports) };
            var adapter = host.Factory.Create(BrocadeAdapterHost.Describe(access, "diff-" + name));
            host.Credentials.Set("diff-" + name, access.SipUser, access.SipPassword);
            var (first, cursor) = await ChangeFeed.ReadToEndAsync(adapter, null, 5000, Cancel);
            Assert.Equal(3000, first.Count);
            simulator.Control.WriteSyntheticHoldingsExport(3000, night: 1, changedShare: 0.05, shuffled: shuffled, folder: exports, number: 2);
            var (diff, _) = await ChangeFeed.ReadToEndAsync(adapter, cursor, 5000, Cancel);
            return [.. diff.Select(c => $"{c.LocalId}:{adapter.Translate(c).GetType().Name}").Order(StringComparer.Ordinal)];
        }
        var sorted = await DiffAsync(false, "sorted");
        var shuffled = await DiffAsync(true, "shuffled");
        Assert.InRange(sorted.Count, 100, 300);
        Assert.Equal(sorted, shuffled);
    }

    [Fact]
    public async Task When_a_file_is_cut_off_under_its_marker_Reading_should_fail_naming_the_file_and_produce_no_change()
    {
        var (simulator, host, adapter) = await StartAsync();
        await using var _ = simulator;
        using var __ = host;
        var (_, cursor) = await ChangeFeed.ReadToEndAsync(adapter, null, 1000, Cancel);
        simulator.Control.AddMember(new MemberDraft { LibraryCode = "DRB" });
        var run = simulator.Control.ExportNow(ExportKind.Delta, ExportWriteMode.Truncated);
        var strict = host.Factory.Create(BrocadeAdapterHost.Describe(simulator.Installation));
        var shortGrace = new BrocadeAdapterHost(new Dictionary<string, string?> { ["Adapters:Brocade:IncompleteExportGrace"] = "00:00:00", ["Adapters:Brocade:StateDirectory"] = host.StateDirectory });
        using var ___ = shortGrace;
        var e = await Assert.ThrowsAsync<IlsProtocolException>(() => shortGrace.Create(simulator.Installation).ReadChangesAsync(cursor, 1000, Cancel));
        Assert.Contains(Path.GetFileName(run.Files[0]), e.Message, StringComparison.Ordinal);
        Assert.Empty((await strict.ReadChangesAsync(cursor, 1000, Cancel)).Changes);
    }

    [Fact]
    public async Task When_a_holdings_file_is_not_ISO_2709_Each_unreadable_record_should_fail_alone_naming_record_and_offset()
    {
        var (simulator, host, adapter, cursor) = await StartEmptyAtTheEndAsync();
        await using var _ = simulator;
        using var __ = host;
        var folder = simulator.Installation.ExportFolder;
        var garbage = "dit is geen MARC\u001dook dit niet\u001d"u8.ToArray();
        var name = "EXEMPLAREN_DELTA_20991231_235959_999999.mrc";
        await File.WriteAllBytesAsync(Path.Combine(folder, name), garbage, Cancel);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(garbage));
        await File.WriteAllTextAsync(Path.Combine(folder, name + ".gereed"),
            $"bestand={name}\ngegevens=EXEMPLAREN\nsoort=DELTA\nexportnummer=999999\naangemaakt=2099-12-31T23:59:59+01:00\nrecords=2\nbytes={garbage.Length}\nsha256={sha}\n", Cancel);
        var (changes, _) = await ChangeFeed.ReadToEndAsync(adapter, cursor, 1000, Cancel);
        Assert.Equal(2, changes.Count);
        var error = Assert.Throws<IlsProtocolException>(() => adapter.Translate(changes[1]));
        Assert.Contains($"{name} record 2 (byte 17)", error.Message, StringComparison.Ordinal);
    }
}
