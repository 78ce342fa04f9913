using Lsb.Hub.Ingest.State;
using Lsb.Hub.Storage;

namespace Lsb.Hub.Tests.Ingest;

/// <summary>
/// Each row type names its indexed columns twice: as <c>IndexedColumns</c> (the SQL) and in <c>ChangedIndexedColumns</c>
/// (the comparison that picks the update). They must agree column for column, or an update leaves an index entry stale.
/// </summary>
public sealed class IndexedColumnsTests
{
    [Fact]
    public void When_one_column_of_a_member_changes_Should_report_exactly_its_indexed_bit() =>
        AssertBitsAgree(new MemberRow { Id = "mbr-1", HomeIsil = "NL-0851010000" },
            MemberRow.Columns, MemberRow.IndexedColumns, MemberRow.ChangedIndexedColumns, r => r.Copy());

    [Fact]
    public void When_one_column_of_a_copy_changes_Should_report_exactly_its_indexed_bit() =>
        AssertBitsAgree(new HoldingRow { Id = "hld-1", Isil = "NL-0851010000" },
            HoldingRow.Columns, HoldingRow.IndexedColumns, HoldingRow.ChangedIndexedColumns, r => r.Copy());

    [Fact]
    public void When_one_column_of_a_loan_changes_Should_report_exactly_its_indexed_bit() =>
        AssertBitsAgree(new LoanRow { Id = "lon-1", MemberId = "mbr-1", Isil = "NL-0851010000" },
            LoanRow.Columns, LoanRow.IndexedColumns, LoanRow.ChangedIndexedColumns, r => r.Copy());

    [Fact]
    public void When_a_loan_ends_Should_set_its_end_and_the_unindexed_columns_and_check_the_other_indexed_columns()
    {
        var sql = UpdateElseUpsert.UpdateSql("loans", ["id", "member_id", "isil", "ended_at", "renewals"], ["member_id", "isil", "ended_at"], 0b100);

        Assert.Equal("UPDATE loans SET ended_at = @p_ended_at, renewals = @p_renewals WHERE id = @p_id AND member_id IS @p_member_id AND isil IS @p_isil", sql);
    }

    [Fact]
    public void When_no_indexed_column_changes_Should_set_only_the_unindexed_columns()
    {
        var sql = UpdateElseUpsert.UpdateSql("holdings", ["id", "isil", "barcode", "status"], ["isil", "barcode"], 0);

        Assert.Equal("UPDATE holdings SET status = @p_status WHERE id = @p_id AND isil IS @p_isil AND barcode IS @p_barcode", sql);
    }

    [Fact]
    public void When_every_indexed_column_changes_Should_set_every_column_by_id()
    {
        var sql = UpdateElseUpsert.UpdateSql("holdings", ["id", "isil", "barcode", "status"], ["isil", "barcode"], 0b11);

        Assert.Equal("UPDATE holdings SET isil = @p_isil, barcode = @p_barcode, status = @p_status WHERE id = @p_id", sql);
    }

    // Changes each written column of a copy of the row in turn (found by its name: snake_case to PascalCase) and expects
    // the bit of that column among the indexed ones, or none.
    private static void AssertBitsAgree<TRow>(TRow row, string[] columns, string[] indexedColumns, Func<TRow, TRow, int> changed, Func<TRow, TRow> copy)
    {
        Assert.Equal(0, changed(row, copy(row)));
        foreach (var column in columns.Skip(1))
        {
            var property = typeof(TRow).GetProperty(string.Concat(column.Split('_').Select(p => char.ToUpperInvariant(p[0]) + p[1..])))
                ?? throw new InvalidOperationException($"{typeof(TRow).Name} has no property for column {column}.");
            var other = copy(row);
            property.SetValue(other, Different(property.GetValue(row), property.PropertyType));
            var index = Array.IndexOf(indexedColumns, column);
            Assert.True((index < 0 ? 0 : 1 << index) == changed(row, other), $"{typeof(TRow).Name}.{property.Name} changed: expected bit of index {index}.");
        }
    }

    private static object Different(object? value, Type type) => type switch
    {
        _ when type == typeof(string) => (value as string) + "-changed",
        _ when type == typeof(bool) => !(bool)value!,
        _ when type == typeof(int) => (int)value! + 1,
        _ when type == typeof(long) => (long)value! + 1,
        _ => throw new InvalidOperationException($"No different value for a {type.Name}."),
    };
}
