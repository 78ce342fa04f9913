using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Canonical.Commands;

namespace Lsb.Hub.Adapters.Contract;

/// <summary>The command half of the contract: circulation, holds, patrons and temporary copies.</summary>
public abstract partial class IlsAdapterContract<TFixture>
{
    [Fact]
    public async Task When_a_copy_is_checked_out_and_in_Both_should_succeed_and_the_feed_should_show_the_loan_open_and_end()
    {
        var adapter = Fixture.CreateAdapter();
        var member = await Fixture.RegisterMemberAsync(Cancel);
        var copy = await Fixture.AddCopyAsync(Cancel);
        var cursor = await ChangeFeed.TailAsync(adapter, Cancel);

        var checkOut = await adapter.ExecuteAsync(new CheckOut { IdempotencyKey = Key(), Isil = copy.Isil, Patron = Patron(member), Item = Item(copy) }, Cancel);
        Assert.True(checkOut.Outcome == CommandOutcome.Succeeded, checkOut.Message);
        Assert.NotNull(checkOut.DueAt);
        var checkIn = await adapter.ExecuteAsync(new CheckIn { IdempotencyKey = Key(), Isil = copy.Isil, Item = Item(copy) }, Cancel);
        Assert.True(checkIn.Outcome == CommandOutcome.Succeeded, checkIn.Message);

        var (changes, _) = await ChangeFeed.ReadToEndAsync(adapter, cursor, 1000, Cancel);
        var loans = changes.Select(adapter.Translate).OfType<LoanSnapshot>().Where(l => l.HoldingLocalId == copy.LocalId).ToList();
        Assert.Equal(2, loans.Count);
        Assert.Null(loans[0].EndedAt);
        Assert.NotNull(loans[1].EndedAt);
    }

    [Fact]
    public async Task When_a_copy_is_checked_in_twice_The_second_should_be_AlreadyDone()
    {
        var adapter = Fixture.CreateAdapter();
        var member = await Fixture.RegisterMemberAsync(Cancel);
        var copy = await Fixture.AddCopyAsync(Cancel);
        await Fixture.LendAsync(copy, member, Cancel);
        var first = await adapter.ExecuteAsync(new CheckIn { IdempotencyKey = Key(), Isil = copy.Isil, Item = Item(copy) }, Cancel);
        var second = await adapter.ExecuteAsync(new CheckIn { IdempotencyKey = Key(), Isil = copy.Isil, Item = Item(copy) }, Cancel);
        Assert.Equal(CommandOutcome.Succeeded, first.Outcome);
        Assert.Equal(CommandOutcome.AlreadyDone, second.Outcome);
        Assert.True(second.IsSuccess);
    }

    [Fact]
    public async Task When_a_copy_on_loan_to_someone_else_is_checked_out_Should_be_rejected_as_not_available()
    {
        var adapter = Fixture.CreateAdapter();
        var borrower = await Fixture.RegisterMemberAsync(Cancel);
        var other = await Fixture.RegisterMemberAsync(Cancel);
        var copy = await Fixture.AddCopyAsync(Cancel);
        await Fixture.LendAsync(copy, borrower, Cancel);
        var result = await adapter.ExecuteAsync(new CheckOut { IdempotencyKey = Key(), Isil = copy.Isil, Patron = Patron(other), Item = Item(copy) }, Cancel);
        Assert.Equal(CommandOutcome.Rejected, result.Outcome);
        Assert.Equal(RejectionReason.ItemNotAvailable, result.Reason);
    }

    [Fact]
    public async Task When_a_loan_is_renewed_Should_succeed_with_a_due_date()
    {
        var adapter = Fixture.CreateAdapter();
        var member = await Fixture.RegisterMemberAsync(Cancel);
        var copy = await Fixture.AddCopyAsync(Cancel);
        await Fixture.LendAsync(copy, member, Cancel);
        var result = await adapter.ExecuteAsync(new RenewLoan { IdempotencyKey = Key(), Isil = copy.Isil, Patron = Patron(member), Item = Item(copy) }, Cancel);
        Assert.True(result.Outcome == CommandOutcome.Succeeded, result.Message);
        Assert.NotNull(result.DueAt);
    }

    [Fact]
    public async Task When_a_hold_is_placed_and_cancelled_Both_should_succeed_and_a_second_cancel_should_be_AlreadyDone()
    {
        var adapter = Fixture.CreateAdapter();
        var member = await Fixture.RegisterMemberAsync(Cancel);
        var copy = await Fixture.AddCopyAsync(Cancel);
        var hold = await adapter.ExecuteAsync(new PlaceHold { IdempotencyKey = Key(), Isil = copy.Isil, Patron = Patron(member), Item = Item(copy) }, Cancel);
        Assert.True(hold.Outcome == CommandOutcome.Succeeded, hold.Message);
        Assert.False(string.IsNullOrEmpty(hold.VendorRequestId));
        var cancel = new CancelHold { IdempotencyKey = Key(), Isil = copy.Isil, VendorRequestId = hold.VendorRequestId!, Patron = Patron(member) };
        var cancelled = await adapter.ExecuteAsync(cancel, Cancel);
        Assert.True(cancelled.Outcome == CommandOutcome.Succeeded, cancelled.Message);
        Assert.Equal(CommandOutcome.AlreadyDone, (await adapter.ExecuteAsync(cancel, Cancel)).Outcome);
    }

    [Fact]
    public async Task When_a_title_level_hold_is_placed_Should_succeed()
    {
        var adapter = Fixture.CreateAdapter();
        var member = await Fixture.RegisterMemberAsync(Cancel);
        var copy = await Fixture.AddCopyAsync(Cancel);
        var hold = await adapter.ExecuteAsync(new PlaceHold { IdempotencyKey = Key(), Isil = copy.Isil, Patron = Patron(member), TitleId = copy.TitleId }, Cancel);
        Assert.True(hold.Outcome == CommandOutcome.Succeeded, hold.Message);
    }

    [Fact]
    public async Task When_an_unknown_patron_is_looked_up_Should_be_rejected_as_PatronUnknown()
    {
        var adapter = Fixture.CreateAdapter();
        var copy = await Fixture.AddCopyAsync(Cancel);
        var byId = await adapter.ExecuteAsync(new LookupPatron { IdempotencyKey = Key(), Isil = copy.Isil, Patron = new PatronRef(null, "999999999", null) }, Cancel);
        var byCard = await adapter.ExecuteAsync(new LookupPatron { IdempotencyKey = Key(), Isil = copy.Isil, Patron = new PatronRef(null, null, "0000000000000") }, Cancel);
        Assert.Equal((CommandOutcome.Rejected, RejectionReason.PatronUnknown), (byId.Outcome, byId.Reason));
        Assert.Equal((CommandOutcome.Rejected, RejectionReason.PatronUnknown), (byCard.Outcome, byCard.Reason));
    }

    [Fact]
    public async Task When_a_known_patron_is_looked_up_by_card_Should_report_an_active_standing()
    {
        var adapter = Fixture.CreateAdapter();
        var member = await Fixture.RegisterMemberAsync(Cancel);
        var result = await adapter.ExecuteAsync(new LookupPatron { IdempotencyKey = Key(), Isil = member.Isil, Patron = new PatronRef(null, null, member.CardNumber) }, Cancel);
        Assert.True(result.Outcome == CommandOutcome.Succeeded, result.Message);
        Assert.Equal(member.LocalId, result.Patron?.LocalId);
        Assert.Equal(Canonical.Members.MemberStatus.Active, result.Patron?.Status);
    }

    [Fact]
    public async Task When_a_patron_authenticates_with_the_right_PIN_Should_succeed_and_with_a_wrong_PIN_be_rejected()
    {
        var adapter = Fixture.CreateAdapter();
        var member = await Fixture.RegisterMemberAsync(Cancel);
        var right = await adapter.ExecuteAsync(new AuthenticatePatron { IdempotencyKey = Key(), Isil = member.Isil, CardNumber = member.CardNumber, Pin = member.Pin }, Cancel);
        var wrong = await adapter.ExecuteAsync(new AuthenticatePatron { IdempotencyKey = Key(), Isil = member.Isil, CardNumber = member.CardNumber, Pin = member.Pin + "9" }, Cancel);
        Assert.True(right.Outcome == CommandOutcome.Succeeded, right.Message);
        Assert.Equal(member.LocalId, right.Patron?.LocalId);
        Assert.Equal((CommandOutcome.Rejected, RejectionReason.InvalidCredentials), (wrong.Outcome, wrong.Reason));
        Assert.DoesNotContain(member.Pin + "9", wrong.Message ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_a_temporary_item_is_created_and_deleted_twice_The_second_delete_should_be_AlreadyDone()
    {
        var adapter = Fixture.CreateAdapter();
        if (!adapter.Capabilities.Supports(AdapterFeatures.TemporaryItems))
            Assert.Skip($"{Fixture.Vendor} does not declare TemporaryItems; see the test that it says so instead of pretending.");
        var copy = await Fixture.AddCopyAsync(Cancel);
        var barcode = "IBL" + Guid.NewGuid().ToString("N")[..10];
        var created = await adapter.ExecuteAsync(new CreateTemporaryItem
        {
            IdempotencyKey = Key(), Isil = copy.Isil, Barcode = barcode, Title = "De stille rivier", Author = "Jansen", OwningIsil = "NL-0800010000",
        }, Cancel);
        Assert.True(created.Outcome == CommandOutcome.Succeeded, created.Message);
        Assert.False(string.IsNullOrEmpty(created.VendorItemId));
        var delete = new DeleteTemporaryItem { IdempotencyKey = Key(), Isil = copy.Isil, Item = new ItemRef(null, created.VendorItemId, barcode) };
        Assert.Equal(CommandOutcome.Succeeded, (await adapter.ExecuteAsync(delete, Cancel)).Outcome);
        Assert.Equal(CommandOutcome.AlreadyDone, (await adapter.ExecuteAsync(delete, Cancel)).Outcome);
    }

    [Fact]
    public async Task When_temporary_items_are_not_a_capability_Creating_one_should_ask_for_manual_action_or_say_not_supported_never_pretend()
    {
        var adapter = Fixture.CreateAdapter();
        if (adapter.Capabilities.Supports(AdapterFeatures.TemporaryItems)) Assert.Skip($"{Fixture.Vendor} supports temporary items.");
        var copy = await Fixture.AddCopyAsync(Cancel);
        var created = await adapter.ExecuteAsync(new CreateTemporaryItem
        {
            IdempotencyKey = Key(), Isil = copy.Isil, Barcode = "IBL" + Guid.NewGuid().ToString("N")[..10], Title = "De stille rivier", OwningIsil = "NL-0800010000",
        }, Cancel);
        Assert.True(created.Outcome is CommandOutcome.ManualActionRequired or CommandOutcome.NotSupported, $"{created.Outcome}: {created.Message}");
        Assert.False(string.IsNullOrWhiteSpace(created.Message));
    }

    private static string Key() => Guid.NewGuid().ToString("N");

    private static PatronRef Patron(ContractMember member) => new(null, member.LocalId, member.CardNumber);

    private static ItemRef Item(ContractCopy copy) => new(null, copy.LocalId, copy.Barcode);
}
