using Lsb.Hub.Ibl;
using Lsb.Hub.Ibl.Rota;

namespace Lsb.Hub.Tests.Ibl;

/// <summary>
/// The rota order (<see cref="RotaPolicy"/>), which is pure: same installation, then same region, then fewest requests
/// in hand, ties shared out by a hash of request and library. Each rule is checked over many request ids, so a rule
/// that did not take effect cannot pass by a lucky tie-break.
/// </summary>
public sealed class IblRotaPolicyTests
{
    private const string Wise = "wise-1";
    private const string Brocade = "brocade-1";
    private const string VSmart = "vsmart-1";
    private static readonly IReadOnlyDictionary<string, long> NoLoad = new Dictionary<string, long>();
    private static readonly string[] RequestIds = [.. Enumerable.Range(0, 40).Select(n => $"ibl-{n:x32}")];

    private static CopyRow Lender(string isil, string installation, string? poi) => new() { Id = "hld-" + isil, Isil = isil, InstallationId = installation, OwningPoi = poi };

    private static List<string> Order(IEnumerable<CopyRow> lenders, RotaPolicy.Requester requester, IReadOnlyDictionary<string, long> load, string requestId, IblOptions options)
        => [.. RotaPolicy.Order(lenders, requester, load, requestId, options).Select(c => c.Isil)];

    [Fact]
    public void When_no_lender_shares_the_borrowers_installation_Should_ask_the_lenders_of_its_region_before_the_others()
    {
        var options = new IblOptions();
        options.Libraries["NL-0853030000"] = new IblLibraryOptions { Region = "Noord" }; // its POI is Zuid, its own setting wins
        options.Libraries["NL-0852040000"] = new IblLibraryOptions { Region = "Zuid" };  // its POI is Noord, its own setting wins
        CopyRow[] lenders =
        [
            Lender("NL-0853010000", Brocade, "zuid"),
            Lender("NL-0852010000", VSmart, "NOORD"),
            Lender("NL-0853030000", Brocade, "zuid"),
            Lender("NL-0852040000", VSmart, "noord"),
            Lender("NL-0853020000", Brocade, null),
        ];
        var requester = new RotaPolicy.Requester(Wise, "Noord");
        foreach (var id in RequestIds)
        {
            var order = Order(lenders, requester, NoLoad, id, options);
            Assert.Equal(["NL-0852010000", "NL-0853030000"], order.Take(2).Order(StringComparer.Ordinal));
            Assert.Equal(5, order.Count);
        }
    }

    [Fact]
    public void When_a_lender_shares_the_borrowers_installation_Should_ask_it_before_the_lenders_of_the_same_region()
    {
        CopyRow[] lenders = [Lender("NL-0853010000", Brocade, "zuid"), Lender("NL-0852010000", VSmart, "noord"), Lender("NL-0851020000", Wise, "zuid")];
        foreach (var id in RequestIds)
            Assert.Equal(["NL-0851020000", "NL-0852010000", "NL-0853010000"], Order(lenders, new RotaPolicy.Requester(Wise, "noord"), NoLoad, id, new IblOptions()));
    }

    [Fact]
    public void When_lenders_are_equal_in_installation_and_region_Should_ask_the_one_with_fewest_requests_in_hand_first()
    {
        CopyRow[] lenders = [Lender("NL-0853010000", Brocade, "noord"), Lender("NL-0853020000", Brocade, "noord"), Lender("NL-0853030000", Brocade, "noord")];
        var load = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase) { ["NL-0853010000"] = 5, ["NL-0853030000"] = 2 };
        foreach (var id in RequestIds)
            Assert.Equal(["NL-0853020000", "NL-0853030000", "NL-0853010000"], Order(lenders, new RotaPolicy.Requester(Wise, "noord"), load, id, new IblOptions()));
    }

    [Fact]
    public void When_lenders_are_equal_in_every_rule_Should_share_the_first_turn_among_them_and_keep_each_requests_order_stable()
    {
        CopyRow[] lenders = [Lender("NL-0853010000", Brocade, "noord"), Lender("NL-0853020000", Brocade, "noord"), Lender("NL-0853030000", Brocade, "noord")];
        var requester = new RotaPolicy.Requester(Wise, "noord");
        var first = Enumerable.Range(0, 300).Select(n => $"ibl-{n:x32}")
            .Select(id =>
            {
                var order = Order(lenders, requester, NoLoad, id, new IblOptions());
                Assert.Equal(order, Order(Enumerable.Reverse(lenders), requester, NoLoad, id, new IblOptions()));
                return order[0];
            })
            .CountBy(isil => isil).ToDictionary();
        Assert.Equal(3, first.Count);
        Assert.All(first, f => Assert.True(f.Value >= 60, $"{f.Key} came first in {f.Value} of 300 requests: {string.Join(", ", first)}"));
    }

    [Fact]
    public void When_the_order_is_configured_Should_apply_only_the_rules_listed_in_that_order()
    {
        var options = new IblOptions { Rota = { Order = [RotaRule.LoadBalance, RotaRule.SameInstallation] } };
        CopyRow[] lenders = [Lender("NL-0851020000", Wise, "zuid"), Lender("NL-0853010000", Brocade, "noord"), Lender("NL-0852010000", VSmart, "zuid")];
        var load = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase) { ["NL-0851020000"] = 3, ["NL-0853010000"] = 1, ["NL-0852010000"] = 1 };
        var firsts = new HashSet<string>();
        foreach (var id in RequestIds)
        {
            var order = Order(lenders, new RotaPolicy.Requester(Wise, "noord"), load, id, options);
            Assert.Equal("NL-0851020000", order[^1]); // the same installation, but the most requests in hand
            firsts.Add(order[0]);
        }
        // Region is not a rule here: the lender of the borrower's region does not always come first.
        Assert.Equal(["NL-0852010000", "NL-0853010000"], firsts.Order(StringComparer.Ordinal));
    }
}
