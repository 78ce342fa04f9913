using Lsb.Hub.Storage;

namespace Lsb.Hub.Tests.Ingest;

/// <summary>
/// A row the hub held is updated in the columns whose values it changes (<see cref="UpdateElseUpsert.Changed"/>), and the
/// indexed columns it keeps are checked against the table instead of being set (which would rewrite their index entries).
/// </summary>
public sealed class ChangedColumnsUpdateTests
{
    private static readonly string[] Loans = ["id", "member_id", "isil", "ended_at", "renewals", "updated_at"];
    private static readonly string[] LoanIndexes = ["member_id", "isil", "ended_at"];
    private static readonly string[] Holdings = ["id", "isil", "barcode", "status", "title"];
    private static readonly string[] HoldingIndexes = ["isil", "barcode"];

    [Fact]
    public void When_a_loan_ends_Should_set_its_end_and_time_and_check_the_indexed_columns_it_keeps()
    {
        var changed = UpdateElseUpsert.Changed(["lon-1", "mbr-1", "NL-1", null, 0L, "t1"], ["lon-1", "mbr-1", "NL-1", "t2", 0L, "t2"]);

        Assert.Equal(0b101000, changed);
        Assert.Equal("UPDATE loans SET ended_at = @p_ended_at, updated_at = @p_updated_at WHERE id = @p_id AND member_id IS @p_member_id AND isil IS @p_isil",
            UpdateElseUpsert.UpdateSql("loans", Loans, LoanIndexes, changed));
    }

    [Fact]
    public void When_only_a_copys_status_changes_Should_set_only_its_status()
        => Assert.Equal("UPDATE holdings SET status = @p_status WHERE id = @p_id AND isil IS @p_isil AND barcode IS @p_barcode",
            UpdateElseUpsert.UpdateSql("holdings", Holdings, HoldingIndexes, 0b1000));

    [Fact]
    public void When_every_column_changes_Should_set_every_column_by_id()
        => Assert.Equal("UPDATE holdings SET isil = @p_isil, barcode = @p_barcode, status = @p_status, title = @p_title WHERE id = @p_id",
            UpdateElseUpsert.UpdateSql("holdings", Holdings, HoldingIndexes, 0b11110));

    [Fact]
    public void When_no_column_changes_Should_set_the_unindexed_columns_as_before()
        => Assert.Equal("UPDATE holdings SET status = @p_status, title = @p_title WHERE id = @p_id AND isil IS @p_isil AND barcode IS @p_barcode",
            UpdateElseUpsert.UpdateSql("holdings", Holdings, HoldingIndexes, 0));

    [Fact]
    public void Values_Should_compare_by_value_whatever_their_boxes()
    {
        Assert.Equal(0, UpdateElseUpsert.Changed(["a", 5L, true, null], [new string('a', 1), 5L, true, null]));
        Assert.Equal(0b1110, UpdateElseUpsert.Changed(["a", 5L, true, null], ["a", 6L, false, ""]));
    }
}
