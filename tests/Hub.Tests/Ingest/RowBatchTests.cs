using Lsb.Hub.Storage;
using Microsoft.Data.Sqlite;

namespace Lsb.Hub.Tests.Ingest;

/// <summary>
/// <see cref="RowBatch"/> binds values to a native SQLite statement; text goes through one reusable UTF-8 buffer. What
/// is read back must be exactly what was added: empty text is not NULL, several texts in one row do not overwrite each
/// other, and text longer than the buffer or outside ASCII survives.
/// </summary>
public sealed class RowBatchTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "lsb-hub-tests", $"rowbatch-{Guid.NewGuid():N}.db");
    private SqliteConnection _connection = null!;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        _connection = new SqliteConnection($"Data Source={_file}");
        await _connection.OpenAsync();
        await using var create = _connection.CreateCommand();
        create.CommandText = "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b TEXT, c TEXT, n INTEGER, f INTEGER)";
        await create.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    [Fact]
    public async Task When_rows_are_added_Should_read_back_every_value_exactly()
    {
        var cancel = TestContext.Current.CancellationToken;
        var longText = string.Concat(Enumerable.Repeat("Bibliotheek Zuid-Kennemerland – €10 🙂 ", 400)); // > 4 KiB as UTF-8
        var rows = new List<object?[]>
        {
            new object?[] { 1L, "", null, "ascii", 7, true },
            new object?[] { 2L, "é€🙂 ĳ", "second", "third", 0, false },
            new object?[] { 3L, longText, "after the long one", longText[..10], -1, true },
            new object?[] { 4L, "short again", "", null, int.MaxValue, false },
        };
        await using (var transaction = _connection.BeginTransaction())
        {
            await using var batch = new RowBatch(_connection, transaction, "INSERT INTO t (id, a, b, c, n, f) VALUES (@id, @a, @b, @c, @n, @f)",
                "id", "a", "b", "c", "n", "f");
            foreach (var row in rows) await batch.AddAsync(row, cancel);
            await batch.FlushAsync(cancel);
            await transaction.CommitAsync(cancel);
        }

        await using var read = _connection.CreateCommand();
        read.CommandText = "SELECT id, a, b, c, n, f FROM t ORDER BY id";
        await using var reader = await read.ExecuteReaderAsync(cancel);
        foreach (var expected in rows)
        {
            Assert.True(await reader.ReadAsync(cancel));
            Assert.Equal((long)expected[0]!, reader.GetInt64(0));
            for (var column = 1; column <= 3; column++)
                Assert.Equal((string?)expected[column], reader.IsDBNull(column) ? null : reader.GetString(column));
            Assert.Equal((int)expected[4]!, reader.GetInt32(4));
            Assert.Equal((bool)expected[5]! ? 1L : 0L, reader.GetInt64(5));
        }
        Assert.False(await reader.ReadAsync(cancel));
    }

    [Fact]
    public async Task Text_added_as_UTF8_bytes_Should_read_back_as_text_and_bytes_as_a_blob()
    {
        var cancel = TestContext.Current.CancellationToken;
        var json = "{\"title\":\"Ærø – één 🙂\"}";
        var utf8 = System.Text.Encoding.UTF8.GetBytes(json);
        await using (var transaction = _connection.BeginTransaction())
        {
            await using var batch = new RowBatch(_connection, transaction, "INSERT INTO t (id, a, b) VALUES (@id, @a, @b)", "id", "a", "b");
            await batch.AddAsync([1L, new Utf8Text(utf8), utf8], cancel);
            await batch.FlushAsync(cancel);
            await transaction.CommitAsync(cancel);
        }

        await using var read = _connection.CreateCommand();
        read.CommandText = "SELECT a, typeof(a), typeof(b), b FROM t WHERE id = 1";
        await using var reader = await read.ExecuteReaderAsync(cancel);
        Assert.True(await reader.ReadAsync(cancel));
        Assert.Equal(json, reader.GetString(0));
        Assert.Equal("text", reader.GetString(1));
        Assert.Equal("blob", reader.GetString(2));
        Assert.Equal(utf8, (byte[])reader.GetValue(3));
    }

    [Fact]
    public async Task Values_the_statement_does_not_name_Should_be_left_out_wherever_they_stand()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using (var transaction = _connection.BeginTransaction())
        {
            // Four values, two named: one unnamed between them, one after the last named (beyond what SQLite would accept).
            await using var batch = new RowBatch(_connection, transaction, "INSERT INTO t (id, c) VALUES (@id, @c)", "id", "a", "c", "n");
            await batch.AddAsync([1L, "not named", "third", 9], cancel);
            await batch.AddAsync([2L, null, "again", 10], cancel);
            await batch.FlushAsync(cancel);
            await transaction.CommitAsync(cancel);
        }

        await using var read = _connection.CreateCommand();
        read.CommandText = "SELECT id, a, c, n FROM t ORDER BY id";
        await using var reader = await read.ExecuteReaderAsync(cancel);
        foreach (var (id, c) in new[] { (1L, "third"), (2L, "again") })
        {
            Assert.True(await reader.ReadAsync(cancel));
            Assert.Equal(id, reader.GetInt64(0));
            Assert.True(reader.IsDBNull(1));
            Assert.Equal(c, reader.GetString(2));
            Assert.True(reader.IsDBNull(3));
        }
        Assert.False(await reader.ReadAsync(cancel));
    }
}
