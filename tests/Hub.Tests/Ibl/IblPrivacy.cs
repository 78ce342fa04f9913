namespace Lsb.Hub.Tests.Ibl;

/// <summary>Checks that what reached a lender names the borrowing library's institutional patron, never the member.</summary>
public static class IblPrivacy
{
    /// <summary>The lender's system holds the copy for <c>IBL-{lender}-{borrower}</c>, and no hold there names the member's card.</summary>
    public static void AssertLenderHoldIsForInstitutionalPatron(IblWorld world, string lender, string borrower, string barcode, string memberCard)
    {
        var (vendor, installation, libraryId) = world.Libraries[lender];
        var institutional = $"IBL-{lender}-{borrower}";
        if (vendor == "Wise")
        {
            var patrons = world.Wise.Control.ListPatrons(installation, libraryId, 0, 1000);
            var expected = patrons.Single(p => p.CardNumber == institutional).PatronSystemId;
            var holds = world.Wise.Control.Holds(installation).Where(h => h.LibraryId == libraryId && h.Status == "OPEN").ToList();
            Assert.Contains(holds, h => h.PatronSystemId == expected);
            Assert.DoesNotContain(holds, h => patrons.Any(p => p.PatronSystemId == h.PatronSystemId && p.CardNumber == memberCard));
        }
        else if (vendor == "VSmart")
        {
            var requests = world.VSmart.Control.Requests(installation).Where(r => r.LibraryId == libraryId).ToList();
            Assert.Contains(requests, r => r.CardNumber == institutional);
            Assert.DoesNotContain(requests, r => r.CardNumber == memberCard);
        }
        else
        {
            var holds = world.Brocade.Control.Holds().Where(h => !h.Cancelled).ToList();
            Assert.Contains(holds, h => h.CardNumber == institutional && h.Barcode == barcode);
            Assert.DoesNotContain(holds, h => h.CardNumber == memberCard);
        }
    }
}
