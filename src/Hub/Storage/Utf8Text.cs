namespace Lsb.Hub.Storage;

/// <summary>
/// Text already encoded as UTF-8, for a text column: <see cref="RowBatch"/> binds the bytes as they are on SQLite (no
/// string to encode on the writing thread) and decodes them for PostgreSQL. A plain <c>byte[]</c> value is a blob.
/// </summary>
/// <param name="Bytes">Valid UTF-8, not empty.</param>
public sealed record Utf8Text(byte[] Bytes)
{
    /// <summary>The text.</summary>
    public override string ToString() => System.Text.Encoding.UTF8.GetString(Bytes);
}
