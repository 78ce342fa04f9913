using System.Net;
using System.Text.Json;
using Lsb.Hub.Simulators.VSmart;
using Lsb.Hub.Simulators.Wise;

namespace Lsb.Hub.Tests.PatronServices;

/// <summary>What the guest-lending tests share: a V-smart member of Duinrand borrowing a copy of Wise's Lindendal, through
/// Lindendal's guest account for Duinrand members.</summary>
public static class GuestLoanSetup
{
    /// <summary>Lindendal's (Wise) guest account for members of Duinrand (V-smart).</summary>
    public const string WiseAccountForVSmart = $"GAST-{PatronWorld.WiseIsil}-{PatronWorld.VSmartIsil}";

    /// <summary>A V-smart member (active, no fines, integral view not consented in the ILS) and a Wise copy at
    /// Lindendal, with Lindendal's guest account for Duinrand members; waits until the hub holds both.</summary>
    public static async Task<(string MemberId, string BorrowerId, string ItemId, string Barcode)> VSmartMemberAndWiseCopyAsync(PatronWorld world,
        string card, string pin, string barcode)
    {
        ArgumentNullException.ThrowIfNull(world);
        var borrower = world.VSmartSimulator.Control.AddBorrower(PatronWorld.VSmart, "DRD",
            new BorrowerDraft { CardNumber = card, Pin = pin, Status = "OK", BranchCode = "DRD01", ConsentIntegralView = false });
        world.VSmartSimulator.Control.UpdateBorrower(PatronWorld.VSmart, borrower.BorrowerId, new BorrowerUpdate { Fines = 0m });
        if (world.WiseSimulator.Control.ListPatrons(PatronWorld.Wise, "5101", 0, 1000).All(p => p.CardNumber != WiseAccountForVSmart))
            world.WiseSimulator.Control.AddPatron(PatronWorld.Wise, "5101", new PatronDraft { CardNumber = WiseAccountForVSmart, Category = "IBL", Status = "ACT" });
        var item = world.WiseSimulator.Control.AddItem(PatronWorld.Wise, "5101", new ItemDraft { Barcode = barcode, Title = "Gastlenen in Lindendal", BranchId = "510100" });
        var memberId = await world.MemberAsync(card);
        await world.CopyAsync(PatronWorld.Wise, barcode);
        return (memberId, borrower.BorrowerId, item.ItemId, barcode);
    }

    /// <summary>The answer's JSON body, after asserting its status (the body is in the failure message).</summary>
    public static async Task<JsonElement> BodyAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
