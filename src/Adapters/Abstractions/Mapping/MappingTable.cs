using CsvHelper;

namespace Lsb.Hub.Adapters.Mapping;

/// <summary>
/// One CSV mapping table from <c>mappings/</c> (comma-separated, a header row, UTF-8): key columns, one value
/// column, and an optional <c>installation</c> column. A row whose installation is empty or <c>*</c> applies to every
/// installation; a row naming the installation wins over it. The file is re-read when it changes (checked at most
/// every <see cref="MappingOptions.ReloadCheckInterval"/>), so a line added by an administrator takes effect
/// without a restart. A file that fails to load keeps the previous version in force and reports
/// <see cref="LastLoadError"/>.
/// </summary>
public sealed class MappingTable
{
    private readonly string _fullPath;
    private readonly string[] _keyColumns;
    private readonly string _valueColumn;
    private readonly TimeSpan _checkInterval;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private Dictionary<string, string> _rows = new(StringComparer.Ordinal);
    private DateTime _loadedWriteTime = DateTime.MinValue;
    private long _nextCheck;

    /// <summary>Opens a table; the file is read on first use.</summary>
    /// <param name="root">The mappings folder.</param>
    /// <param name="relativePath">The file, e.g. <c>wise/loan-status.csv</c>.</param>
    /// <param name="valueColumn">The column holding the canonical value.</param>
    /// <param name="keyColumns">The columns that together form the key (vendor code, library id, …).</param>
    /// <param name="checkInterval">How often to look for changes.</param>
    /// <param name="time">The clock.</param>
    public MappingTable(string root, string relativePath, string valueColumn, IReadOnlyList<string> keyColumns, TimeSpan checkInterval, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(keyColumns);
        RelativePath = relativePath;
        _fullPath = Path.Combine(root, relativePath);
        _valueColumn = valueColumn;
        _keyColumns = [.. keyColumns];
        _checkInterval = checkInterval;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The file, as named in error messages: <c>mappings/{relative path}</c>.</summary>
    public string DisplayPath => $"mappings/{RelativePath}";

    /// <summary>The file relative to the mappings folder.</summary>
    public string RelativePath { get; }

    /// <summary>Why the last load failed, or null.</summary>
    public string? LastLoadError { get; private set; }

    /// <summary>Finds the value for <paramref name="keys"/> (in key-column order), or null when no row matches.</summary>
    /// <remarks>
    /// A miss looks at the file again at once, whatever the check interval: a line the administrator has just added
    /// is then found by the replay that follows the edit, on every node. A miss is rare (it fails the change), so the
    /// extra look costs nothing in normal operation.
    /// </remarks>
    public string? Find(string installation, params ReadOnlySpan<string> keys)
    {
        var key = string.Join('\u001f', keys.ToArray());
        return Lookup(CurrentRows(), installation, key) ?? Lookup(CurrentRows(force: true), installation, key);
    }

    private static string? Lookup(Dictionary<string, string> rows, string installation, string key)
    {
        if (rows.TryGetValue(installation + '\u001e' + key, out var specific)) return specific;
        return rows.TryGetValue("*\u001e" + key, out var general) ? general : null;
    }

    /// <summary>All rows for an installation (specific rows over general ones), keyed by the joined key columns.</summary>
    public IReadOnlyList<(string[] Keys, string Value)> RowsFor(string installation)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in CurrentRows())
        {
            var sep = k.IndexOf('\u001e', StringComparison.Ordinal);
            var inst = k[..sep];
            var key = k[(sep + 1)..];
            if (inst == installation) result[key] = v;
            else if (inst == "*") result.TryAdd(key, v);
        }
        return [.. result.Select(p => (p.Key.Split('\u001f'), p.Value))];
    }

    private Dictionary<string, string> CurrentRows(bool force = false)
    {
        var now = _time.GetTimestamp();
        if (!force && now < Volatile.Read(ref _nextCheck)) return _rows;
        lock (_gate)
        {
            if (!force && now < _nextCheck) return _rows;
            _nextCheck = now + (long)(_checkInterval.TotalSeconds * _time.TimestampFrequency);
            var writeTime = File.Exists(_fullPath) ? File.GetLastWriteTimeUtc(_fullPath) : DateTime.MinValue;
            if (writeTime == _loadedWriteTime && writeTime != DateTime.MinValue) return _rows;
            if (writeTime == DateTime.MinValue)
            {
                LastLoadError = $"{DisplayPath} does not exist.";
                return _rows;
            }
            try
            {
                _rows = Load();
                _loadedWriteTime = writeTime;
                LastLoadError = null;
            }
            catch (Exception e) when (e is IOException or CsvFormatException or InvalidDataException or FormatException)
            {
                // Keep the previous version in force: a half-saved edit must not unmap everything.
                LastLoadError = $"{DisplayPath} could not be read: {e.Message}";
            }
            return _rows;
        }
    }

    private Dictionary<string, string> Load()
    {
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        var options = CsvReaderOptions.Default with { Separator = ',', HasHeader = true, CommentPrefix = '#', TrimWhitespace = true };
        using var csv = CsvReader.FromFile(_fullPath, options);
        var header = csv.Headers;
        var keyIndexes = new int[_keyColumns.Length];
        for (var i = 0; i < _keyColumns.Length; i++) keyIndexes[i] = RequireColumn(csv, header, _keyColumns[i]);
        var valueIndex = RequireColumn(csv, header, _valueColumn);
        var installationIndex = csv.TryGetFieldIndex("installation", out var found) ? found : -1;
        var keys = new string[_keyColumns.Length];
        while (csv.Read())
        {
            var installation = installationIndex >= 0 ? csv.GetString(installationIndex) : string.Empty;
            if (string.IsNullOrEmpty(installation)) installation = "*";
            for (var i = 0; i < keys.Length; i++) keys[i] = csv.GetString(keyIndexes[i]);
            rows[installation + '\u001e' + string.Join('\u001f', keys)] = csv.GetString(valueIndex);
        }
        return rows;
    }

    private int RequireColumn(CsvReader csv, IReadOnlyList<string> header, string column)
        => csv.TryGetFieldIndex(column, out var index)
            ? index
            : throw new InvalidDataException($"{DisplayPath} has no column '{column}' (header: {string.Join(',', header)}).");
}
