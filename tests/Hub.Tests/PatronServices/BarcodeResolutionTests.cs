using Lsb.Hub.PatronServices;
using Lsb.Hub.PatronServices.Returns;

namespace Lsb.Hub.Tests.PatronServices;

/// <summary>Which copy a colliding barcode means: own installation, then region, otherwise never guessed.</summary>
public sealed class BarcodeResolutionTests
{
    private static readonly CopyCandidate WiseNorth = Copy("hld-1", "wise-north", "poi-north");
    private static readonly CopyCandidate BrocadeNorth = Copy("hld-2", "brocade-north", "poi-north");
    private static readonly CopyCandidate VSmartSouth = Copy("hld-3", "vsmart-south", "poi-south");

    [Fact]
    public void The_returning_library_s_own_installation_wins() =>
        Assert.Equal(BrocadeNorth, BarcodeResolution.Resolve([WiseNorth, BrocadeNorth, VSmartSouth], "brocade-north", "poi-north").Copy);

    [Fact]
    public void Otherwise_the_only_copy_in_the_returning_library_s_region_wins() =>
        Assert.Equal(VSmartSouth, BarcodeResolution.Resolve([WiseNorth, VSmartSouth], "other-south", "poi-south").Copy);

    [Fact]
    public void Two_copies_in_the_region_are_ambiguous_and_listed()
    {
        var (copy, candidates) = BarcodeResolution.Resolve([WiseNorth, BrocadeNorth, VSmartSouth], "other-north", "poi-north");
        Assert.Null(copy);
        Assert.Equal([WiseNorth, BrocadeNorth], candidates);
    }

    [Fact]
    public void Copies_outside_the_region_are_ambiguous()
    {
        var (copy, candidates) = BarcodeResolution.Resolve([WiseNorth, VSmartSouth], "elsewhere", "poi-east");
        Assert.Null(copy);
        Assert.Equal(2, candidates.Count);
    }

    [Fact]
    public void One_copy_anywhere_is_that_copy() => Assert.Equal(VSmartSouth, BarcodeResolution.Resolve([VSmartSouth], "elsewhere", "poi-east").Copy);

    private static CopyCandidate Copy(string id, string installation, string poi) => new(id, "NL-0851010000", installation, poi, "1", "3001", "Titel");
}
