using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Canonical.Holdings;

namespace Lsb.Hub.Adapters.Contract;

/// <summary>
/// The behaviour every vendor adapter MUST show against its simulator. A vendor's test project subclasses it in one
/// line: <c>public sealed class WiseAdapterContract(WiseSimulatorFixture f) : IlsAdapterContract&lt;WiseSimulatorFixture&gt;(f);</c>.
/// Tests within a class run one after another; each creates its own members and copies and reads only what
/// happened after its own cursor.
/// </summary>
public abstract partial class IlsAdapterContract<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : class, IIlsAdapterFixture
{
    /// <summary>The fixture.</summary>
    protected TFixture Fixture { get; } = fixture;

    /// <summary>The test's cancellation token.</summary>
    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public void Capabilities_should_name_the_vendor_and_declare_a_change_feed_and_circulation()
    {
        var adapter = Fixture.CreateAdapter();
        Assert.Equal(Fixture.Vendor, adapter.Capabilities.Vendor);
        Assert.True(adapter.Capabilities.Supports(AdapterFeatures.ChangeFeed));
        Assert.True(adapter.Capabilities.Supports(AdapterFeatures.Circulation));
        Assert.False(string.IsNullOrWhiteSpace(adapter.Capabilities.Protocol));
    }

    [Fact]
    public async Task When_the_installation_answers_Health_should_be_healthy_with_a_closed_circuit()
    {
        var health = await Fixture.CreateAdapter().CheckHealthAsync(Cancel);
        Assert.True(health.Healthy, health.Description);
        Assert.Equal("Closed", health.CircuitState);
    }

    [Fact]
    public async Task When_a_member_is_registered_Should_appear_once_as_a_MemberSnapshot_after_the_cursor()
    {
        var adapter = Fixture.CreateAdapter();
        var cursor = await ChangeFeed.TailAsync(adapter, Cancel);
        var member = await Fixture.RegisterMemberAsync(Cancel);
        var (changes, _) = await ChangeFeed.ReadToEndAsync(adapter, cursor, 1000, Cancel);
        var snapshot = Assert.Single(ChangeFeed.Translated<MemberSnapshot>(adapter, changes, member.LocalId));
        Assert.Equal(member.CardNumber, snapshot.CardNumber);
        Assert.Equal(Canonical.Members.MemberStatus.Active, snapshot.Status);
    }

    [Fact]
    public async Task When_a_copy_is_added_Should_appear_as_a_HoldingSnapshot_after_the_cursor()
    {
        var adapter = Fixture.CreateAdapter();
        var cursor = await ChangeFeed.TailAsync(adapter, Cancel);
        var copy = await Fixture.AddCopyAsync(Cancel);
        var (changes, _) = await ChangeFeed.ReadToEndAsync(adapter, cursor, 1000, Cancel);
        var snapshot = Assert.Single(ChangeFeed.Translated<HoldingSnapshot>(adapter, changes, copy.LocalId));
        Assert.Equal(copy.Barcode, snapshot.Barcode);
        Assert.Equal(copy.Isil, snapshot.Isil);
        Assert.Equal(HoldingStatus.Available, snapshot.Status);
        Assert.False(string.IsNullOrEmpty(snapshot.RawStatus));
    }

    [Fact]
    public async Task When_a_copy_is_lent_and_returned_Should_give_an_open_then_an_ended_LoanSnapshot()
    {
        var adapter = Fixture.CreateAdapter();
        var member = await Fixture.RegisterMemberAsync(Cancel);
        var copy = await Fixture.AddCopyAsync(Cancel);
        var cursor = await ChangeFeed.TailAsync(adapter, Cancel);
        await Fixture.LendAsync(copy, member, Cancel);
        var (lent, afterLending) = await ChangeFeed.ReadToEndAsync(adapter, cursor, 1000, Cancel);
        var open = Assert.Single(Loans(adapter, lent, copy));
        Assert.Equal(member.LocalId, open.MemberLocalId);
        Assert.Null(open.EndedAt);
        Assert.Equal(HoldingStatus.OnLoan, ChangeFeed.Translated<HoldingSnapshot>(adapter, lent, copy.LocalId).Last().Status);

        await Fixture.ReturnAsync(copy, Cancel);
        var (returned, _) = await ChangeFeed.ReadToEndAsync(adapter, afterLending, 1000, Cancel);
        var ended = Assert.Single(Loans(adapter, returned, copy));
        Assert.Equal(open.LocalId, ended.LocalId);
        Assert.NotNull(ended.EndedAt);
        Assert.True(ended.SourceVersion > open.SourceVersion, "A later change of the same loan must carry a higher SourceVersion.");
        Assert.Equal(HoldingStatus.Available, ChangeFeed.Translated<HoldingSnapshot>(adapter, returned, copy.LocalId).Last().Status);
    }

    [Fact]
    public async Task When_a_member_is_deleted_Should_appear_as_MemberGone()
    {
        var adapter = Fixture.CreateAdapter();
        var member = await Fixture.RegisterMemberAsync(Cancel);
        var cursor = await ChangeFeed.TailAsync(adapter, Cancel);
        await Fixture.DeleteMemberAsync(member, Cancel);
        var (changes, _) = await ChangeFeed.ReadToEndAsync(adapter, cursor, 1000, Cancel);
        Assert.Single(ChangeFeed.Translated<MemberGone>(adapter, changes, member.LocalId));
        Assert.Empty(ChangeFeed.Translated<MemberSnapshot>(adapter, changes, member.LocalId));
    }

    [Fact]
    public async Task When_a_copy_is_withdrawn_Should_appear_as_HoldingGone()
    {
        var adapter = Fixture.CreateAdapter();
        var copy = await Fixture.AddCopyAsync(Cancel);
        var cursor = await ChangeFeed.TailAsync(adapter, Cancel);
        await Fixture.WithdrawCopyAsync(copy, Cancel);
        var (changes, _) = await ChangeFeed.ReadToEndAsync(adapter, cursor, 1000, Cancel);
        var gone = Assert.Single(ChangeFeed.Translated<HoldingGone>(adapter, changes, copy.LocalId));
        Assert.Equal(copy.Isil, gone.Isil);
    }

    [Fact]
    public async Task When_the_same_cursor_is_read_twice_Should_give_identical_SourceEventIds()
    {
        var adapter = Fixture.CreateAdapter();
        var cursor = await ChangeFeed.TailAsync(adapter, Cancel);
        var member = await Fixture.RegisterMemberAsync(Cancel);
        var copy = await Fixture.AddCopyAsync(Cancel);
        await Fixture.LendAsync(copy, member, Cancel);
        var first = await adapter.ReadChangesAsync(cursor, 1000, Cancel);
        var second = await Fixture.CreateAdapter().ReadChangesAsync(cursor, 1000, Cancel);
        Assert.True(first.Changes.Count >= 4, $"Expected the member, the copy (twice) and the loan; got {first.Changes.Count} changes.");
        Assert.Equal(first.Changes.Select(c => c.SourceEventId), second.Changes.Select(c => c.SourceEventId));
        Assert.Equal(first.Changes.Select(c => c.SourceVersion), second.Changes.Select(c => c.SourceVersion));
        Assert.Equal(first.NextCursor, second.NextCursor);
    }

    [Fact]
    public async Task When_the_feed_has_been_read_to_the_end_Should_give_each_change_once_and_nothing_more()
    {
        var adapter = Fixture.CreateAdapter();
        var cursor = await ChangeFeed.TailAsync(adapter, Cancel);
        var copies = new List<ContractCopy>();
        for (var i = 0; i < 3; i++) copies.Add(await Fixture.AddCopyAsync(Cancel));
        var (changes, end) = await ChangeFeed.ReadToEndAsync(adapter, cursor, 1000, Cancel);
        Assert.Equal(changes.Count, changes.Select(c => c.SourceEventId).Distinct().Count());
        foreach (var copy in copies) Assert.Single(changes, c => adapter.Translate(c).LocalId == copy.LocalId);
        var (more, _) = await ChangeFeed.ReadToEndAsync(adapter, end, 1000, Cancel);
        Assert.Empty(more);
    }

    [Fact]
    public async Task When_pages_are_limited_Should_honour_the_limit_and_continue_without_gaps_or_repeats()
    {
        var adapter = Fixture.CreateAdapter();
        var cursor = await ChangeFeed.TailAsync(adapter, Cancel);
        for (var i = 0; i < 4; i++) await Fixture.RegisterMemberAsync(Cancel);
        for (var i = 0; i < 5; i++) await Fixture.AddCopyAsync(Cancel);
        var (whole, _) = await ChangeFeed.ReadToEndAsync(adapter, cursor, 1000, Cancel);
        var (paged, _) = await ChangeFeed.ReadToEndAsync(Fixture.CreateAdapter(), cursor, 2, Cancel);
        Assert.Equal(9, whole.Count);
        Assert.Equal(whole.Select(c => c.SourceEventId).Order(StringComparer.Ordinal), paged.Select(c => c.SourceEventId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task When_a_vendor_code_is_unmapped_Translate_should_throw_MappingMissingException_naming_the_file_and_the_value()
    {
        var adapter = Fixture.CreateAdapter();
        var member = await Fixture.RegisterMemberAsync(Cancel);
        var copy = await Fixture.AddCopyAsync(Cancel);
        var cursor = await ChangeFeed.TailAsync(adapter, Cancel);
        await using (var unmapped = await Fixture.EmitUnmappedLoanStatusAsync(Cancel))
        {
            if (unmapped is null) Assert.Skip($"The {Fixture.Vendor} simulator cannot emit an unmapped loan status.");
            await Fixture.LendAsync(copy, member, Cancel);
        }
        var (changes, _) = await ChangeFeed.ReadToEndAsync(adapter, cursor, 1000, Cancel);
        Assert.NotEmpty(changes);
        var loan = Assert.Single(changes, c => TryTranslate(adapter, c) is null);
        var e = Assert.Throws<MappingMissingException>(() => adapter.Translate(loan));
        Assert.False(string.IsNullOrEmpty(e.MappingFile));
        Assert.Contains(e.MappingFile, e.Message, StringComparison.Ordinal);
        Assert.Contains($"'{e.Value}'", e.Message, StringComparison.Ordinal);
    }

    private static List<LoanSnapshot> Loans(IIlsAdapter adapter, IEnumerable<VendorChange> changes, ContractCopy copy)
        => [.. changes.Select(adapter.Translate).OfType<LoanSnapshot>().Where(l => l.HoldingLocalId == copy.LocalId)];

    /// <summary>Translates a change; null when the translation fails on a missing mapping (the unmapped loan).</summary>
    private static CanonicalChange? TryTranslate(IIlsAdapter adapter, VendorChange change)
    {
        try
        {
            return adapter.Translate(change);
        }
        catch (MappingMissingException)
        {
            return null;
        }
    }
}
