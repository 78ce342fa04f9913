using Lsb.Hub.Consolidation;

namespace Lsb.Hub.Tests.Consolidation;

public sealed class MigrationMapTests
{
    [Fact]
    public void When_a_vendor_sends_a_semicolon_map_with_comments_Should_read_every_line_with_its_line_number()
    {
        var map = MigrationMap.Parse("# migratie Lindendal, aangeleverd door de leverancier\nentity;old_id;new_id\nmember;100245;B-000017\n\n# exemplaren\nItem;510000123;C-77\nloan;9001;L-1\n");

        Assert.Empty(map.Problems);
        Assert.Equal(
            [new MapEntry(3, MapEntity.Member, "100245", "B-000017"), new MapEntry(6, MapEntity.Copy, "510000123", "C-77"), new MapEntry(7, MapEntity.Loan, "9001", "L-1")],
            map.Entries);
    }

    [Fact]
    public void When_lines_are_bad_Should_report_each_with_its_line_and_keep_the_good_ones()
    {
        var map = MigrationMap.Parse("entity,old_id,new_id\nboek,1,2\nmember,,3\ncopy,\"4\",\"5\"\n");

        Assert.Equal([("map.unknown-entity", (int?)2), ("map.empty-id", 3)], map.Problems.Select(p => (p.Code, p.Line)));
        Assert.Equal([new MapEntry(4, MapEntity.Copy, "4", "5")], map.Entries);
    }

    [Fact]
    public void When_the_header_lacks_a_column_Should_name_it_and_read_nothing()
    {
        var map = MigrationMap.Parse("entity,oud,new_id\nmember,1,2\n");

        var problem = Assert.Single(map.Problems);
        Assert.Equal("map.missing-column", problem.Code);
        Assert.Contains("'old_id'", problem.Message, StringComparison.Ordinal);
        Assert.Empty(map.Entries);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  \n")]
    public void When_the_map_is_empty_Should_say_what_to_send(string? text)
        => Assert.Equal("map.empty", Assert.Single(MigrationMap.Parse(text).Problems).Code);
}
