using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Adapters.Contract;
using Lsb.Hub.Simulators.VSmart;

namespace Lsb.Hub.Adapters.VSmart.Tests;

/// <summary>The loan web service as the adapter reads it.</summary>
public sealed class LoanFeedTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task When_the_desk_notes_a_guest_s_card_on_a_loan_to_a_guest_account_The_loan_should_carry_that_card_and_an_ordinary_loan_none()
    {
        await using var simulator = await VSmartSimulator.StartAsync(new VSmartSimulatorOptions { BorrowersPerLibrary = 1, CopiesPerLibrary = 1, LoansPerLibrary = 0 });
        using var host = new VSmartAdapterHost();
        var access = simulator.Installations[0];
        var library = access.Libraries[0].LibraryId;
        var adapter = host.Create(access);
        var (_, cursor) = await ChangeFeed.ReadToEndAsync(adapter, null, 1000, Cancel);
        var account = simulator.Control.AddBorrower(access.Name, library, new BorrowerDraft { CardNumber = "GAST-NL-0852010000-NL-0851010000", Status = "OK" });
        var borrower = simulator.Control.AddBorrower(access.Name, library, new BorrowerDraft { Status = "OK" });
        var guestCopy = simulator.Control.AddCopy(access.Name, library);
        var ownCopy = simulator.Control.AddCopy(access.Name, library);

        var guestLoan = simulator.Control.CheckOut(access.Name, guestCopy.ItemId, account.BorrowerId, guestCardNumber: "2888200000099");
        var ownLoan = simulator.Control.CheckOut(access.Name, ownCopy.ItemId, borrower.BorrowerId);

        var (changes, _) = await ChangeFeed.ReadToEndAsync(adapter, cursor, 1000, Cancel);
        var loans = changes.Where(c => c.Feed == "loan").Select(adapter.Translate).Cast<LoanSnapshot>().ToDictionary(l => l.LocalId);
        Assert.Equal("2888200000099", loans[guestLoan.LoanId].GuestCardNumber);
        Assert.Null(loans[ownLoan.LoanId].GuestCardNumber);
    }
}
