using System.Runtime.InteropServices;

namespace Lsb.Hub.Storage;

/// <summary>
/// The few SQLite calls <see cref="RowBatch"/> makes for every row, declared straight against the native library that
/// SQLitePCLRaw loads (<c>e_sqlite3</c>), taking the raw statement handle. Through SQLitePCLRaw each call goes through
/// its provider interface and adds and releases a reference on the statement's SafeHandle: for the ≈ 25 calls per row
/// of an ingest page (thousands of rows) that cost more than the binds themselves. The handles stay owned by
/// SQLitePCLRaw and Microsoft.Data.Sqlite; these calls are made only while the owning objects are alive.
/// </summary>
internal static unsafe partial class SqliteNative
{
    private const string Library = "e_sqlite3";

    /// <summary>SQLITE_TRANSIENT: SQLite copies the bytes before the call returns.</summary>
    public static readonly IntPtr Transient = new(-1);

    [LibraryImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int sqlite3_bind_int64(IntPtr statement, int index, long value);

    [LibraryImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int sqlite3_bind_double(IntPtr statement, int index, double value);

    [LibraryImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int sqlite3_bind_null(IntPtr statement, int index);

    [LibraryImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int sqlite3_bind_text(IntPtr statement, int index, byte* text, int length, IntPtr destructor);

    [LibraryImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int sqlite3_bind_blob(IntPtr statement, int index, byte* blob, int length, IntPtr destructor);

    [LibraryImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int sqlite3_step(IntPtr statement);

    [LibraryImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int sqlite3_reset(IntPtr statement);

    [LibraryImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int sqlite3_changes(IntPtr db);
}
