using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lsb.Hub.Simulators.Brocade.Control;
using Lsb.Hub.Simulators.VSmart;
using Lsb.Hub.Simulators.Wise;
using BrocadeCopyDraft = Lsb.Hub.Simulators.Brocade.Control.CopyDraft;
using VSmartCopyDraft = Lsb.Hub.Simulators.VSmart.CopyDraft;

namespace Lsb.Hub.Tests.PatronServices;

/// <summary>
/// The three vendors of a <see cref="PatronWorld"/> behind one shape, for tests that run every vendor pair: a library of
/// each (Wise Lindendal, V-smart Duinrand, Brocade Duinrand, all at their head-office branch), members with PIN and no
/// fines, copies, guest accounts, and the copy's status code as the vendor's own system shows it.
/// </summary>
public static class VendorPairs
{
    public static string Isil(string vendor) => vendor switch
    {
        "Wise" => PatronWorld.WiseIsil,
        "VSmart" => PatronWorld.VSmartIsil,
        "Brocade" => PatronWorld.BrocadeIsil,
        _ => throw new ArgumentOutOfRangeException(nameof(vendor), vendor, "Wise, VSmart or Brocade"),
    };

    public static string Installation(string vendor) => vendor switch
    {
        "Wise" => PatronWorld.Wise,
        "VSmart" => PatronWorld.VSmart,
        "Brocade" => PatronWorld.Brocade,
        _ => throw new ArgumentOutOfRangeException(nameof(vendor), vendor, "Wise, VSmart or Brocade"),
    };

    /// <summary>An active member without fines at the vendor's library.</summary>
    public static void AddMember(PatronWorld world, string vendor, string card, string pin)
    {
        switch (vendor)
        {
            case "Wise":
                world.WiseSimulator.Control.AddPatron(PatronWorld.Wise, "5101", new PatronDraft { CardNumber = card, Pin = pin, Status = "ACT", BranchId = "510100", Fines = 0m });
                break;
            case "VSmart":
                var borrower = world.VSmartSimulator.Control.AddBorrower(PatronWorld.VSmart, "DRD",
                    new BorrowerDraft { CardNumber = card, Pin = pin, Status = "OK", BranchCode = "DRD01", ConsentIntegralView = false });
                world.VSmartSimulator.Control.UpdateBorrower(PatronWorld.VSmart, borrower.BorrowerId, new BorrowerUpdate { Fines = 0m });
                break;
            default:
                world.BrocadeSimulator.Control.AddMember(new MemberDraft { LibraryCode = "DRB", BranchCode = "DRB01", CardNumber = card, Pin = pin, Status = "A", Fines = 0m });
                break;
        }
    }

    /// <summary>The card of the lending library's guest account for members of <paramref name="homeIsil"/>.</summary>
    public static string GuestAccount(string lender, string homeIsil) => $"GAST-{Isil(lender)}-{homeIsil}";

    /// <summary>The lending library's guest account for members of <paramref name="homeIsil"/>, unless it exists.</summary>
    public static void EnsureGuestAccount(PatronWorld world, string lender, string homeIsil)
    {
        var card = GuestAccount(lender, homeIsil);
        switch (lender)
        {
            case "Wise":
                if (world.WiseSimulator.Control.ListPatrons(PatronWorld.Wise, "5101", 0, 1000).All(p => p.CardNumber != card))
                    world.WiseSimulator.Control.AddPatron(PatronWorld.Wise, "5101", new PatronDraft { CardNumber = card, Category = "IBL", Status = "ACT", Fines = 0m });
                break;
            case "VSmart":
                if (world.VSmartSimulator.Control.ListBorrowers(PatronWorld.VSmart, "DRD", 0, 1000).All(b => b.CardNumber != card))
                {
                    var account = world.VSmartSimulator.Control.AddBorrower(PatronWorld.VSmart, "DRD", new BorrowerDraft { CardNumber = card, Status = "OK", BranchCode = "DRD01" });
                    world.VSmartSimulator.Control.UpdateBorrower(PatronWorld.VSmart, account.BorrowerId, new BorrowerUpdate { Fines = 0m });
                }
                break;
            default:
                if (world.BrocadeSimulator.Control.ListMembers(0, 1000).All(m => m.CardNumber != card))
                    world.BrocadeSimulator.Control.AddMember(new MemberDraft { LibraryCode = "DRB", BranchCode = "DRB01", CardNumber = card, Category = "I", Status = "A", Fines = 0m });
                break;
        }
    }

    /// <summary>Lends the copy with <paramref name="barcode"/> at the lending library's own desk, not through the hub, to its
    /// guest account for members of <paramref name="homeIsil"/>; the desk notes the member's <paramref name="cardNumber"/> on
    /// the loan. Brocade and V-smart (the Wise desk lends by item id: <c>WiseSimulatorControl.CheckOut</c>).</summary>
    public static void LendAtDeskToGuestAccount(PatronWorld world, string lender, string homeIsil, string barcode, string cardNumber)
    {
        var account = GuestAccount(lender, homeIsil);
        switch (lender)
        {
            case "VSmart":
                var copy = world.VSmartSimulator.Control.CollectionCopies(PatronWorld.VSmart).Single(c => c.Barcode == barcode);
                var borrower = world.VSmartSimulator.Control.ListBorrowers(PatronWorld.VSmart, "DRD", 0, 1000).Single(b => b.CardNumber == account);
                world.VSmartSimulator.Control.CheckOut(PatronWorld.VSmart, copy.ItemId, borrower.BorrowerId, guestCardNumber: cardNumber);
                break;
            case "Brocade":
                // Brocade's desk takes a barcode and a card as well as a copy and a member number.
                world.BrocadeSimulator.Control.Lend(barcode, account, guestCardNumber: cardNumber);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(lender), lender, "Brocade or VSmart");
        }
    }

    /// <summary>A copy at the vendor's library; returns a function reading its status code in the vendor's system.</summary>
    public static Func<string> AddCopy(PatronWorld world, string vendor, string barcode)
    {
        switch (vendor)
        {
            case "Wise":
                var item = world.WiseSimulator.Control.AddItem(PatronWorld.Wise, "5101", new ItemDraft { Barcode = barcode, BranchId = "510100", Title = "Overal lenen" });
                return () => world.WiseSimulator.Control.FindItem(PatronWorld.Wise, item.ItemId)!.Status;
            case "VSmart":
                var copy = world.VSmartSimulator.Control.AddCopy(PatronWorld.VSmart, "DRD", new VSmartCopyDraft { Barcode = barcode, BranchCode = "DRD01", Title = "Overal lenen" });
                return () => world.VSmartSimulator.Control.FindCopy(PatronWorld.VSmart, copy.ItemId)!.Status;
            default:
                var brocade = world.BrocadeSimulator.Control.AddCopy(new BrocadeCopyDraft { LibraryCode = "DRB", BranchCode = "DRB01", Barcode = barcode, Title = "Overal lenen" });
                return () => world.BrocadeSimulator.Control.FindCopy(brocade.CopyNumber)!.Status;
        }
    }

    /// <summary>The desk of the vendor's library scans <paramref name="barcode"/> at check-in (a barcode its system does not know is
    /// noted as a foreign copy taken in: Wise and V-smart in their loan feed, Brocade in its INNAMES_VREEMD export); returns the
    /// loan checked in, or null.</summary>
    public static object? TakeInAtDesk(PatronWorld world, string vendor, string barcode) => vendor switch
    {
        "Wise" => world.WiseSimulator.Control.TakeInAtDesk(PatronWorld.Wise, "5101", barcode),
        "VSmart" => world.VSmartSimulator.Control.TakeInAtDesk(PatronWorld.VSmart, "DRD", barcode),
        "Brocade" => world.BrocadeSimulator.Control.TakeInAtDesk("DRB", barcode),
        _ => throw new ArgumentOutOfRangeException(nameof(vendor), vendor, "Wise, VSmart or Brocade"),
    };

    /// <summary>A member of <paramref name="home"/> borrows a new copy of <paramref name="lender"/> as a guest (<c>POST /api/v1/guest-loans</c>
    /// at the lending desk, with the PIN); returns the member, the 201 answer, the copy's status reader and its status on the shelf.</summary>
    public static async Task<(string MemberId, JsonElement Loan, Func<string> Status, string OnShelf)> GuestLoanAsync(PatronWorld world, string lender, string home,
        string card, string pin, string barcode)
    {
        ArgumentNullException.ThrowIfNull(world);
        AddMember(world, home, card, pin);
        EnsureGuestAccount(world, lender, Isil(home));
        var status = AddCopy(world, lender, barcode);
        var memberId = await world.MemberAsync(card);
        await world.CopyAsync(Installation(lender), barcode);
        var onShelf = status();
        using var lendingDesk = world.Client(PatronWorld.LibraryKey(Isil(lender)));
        var loan = await GuestLoanSetup.BodyAsync(await lendingDesk.PostAsJsonAsync("/api/v1/guest-loans",
            new { lendingIsil = Isil(lender), barcode, cardNumber = card, pin }), HttpStatusCode.Created);
        return (memberId, loan, status, onShelf);
    }
}
