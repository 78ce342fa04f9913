namespace Lsb.Hub.Adapters.Mapping;

/// <summary>
/// A vendor-code → canonical-enum table (columns <c>vendor_code</c>, <c>canonical</c>, optional
/// <c>installation</c> and <c>description</c>). Lookups of unmapped codes throw
/// <see cref="MappingMissingException"/> naming the file and the value: a code is NEVER guessed.
/// </summary>
/// <typeparam name="TCanonical">The canonical enum.</typeparam>
public sealed class CodeMapping<TCanonical> where TCanonical : struct, Enum
{
    private readonly MappingTable _table;
    private readonly string _vendorName;
    private readonly string _what;

    /// <summary>Creates the mapping.</summary>
    /// <param name="table">The table (value column <c>canonical</c>, key column <c>vendor_code</c>).</param>
    /// <param name="vendorName">The vendor as people say it, e.g. "Wise".</param>
    /// <param name="what">What the code is, e.g. "loan status".</param>
    public CodeMapping(MappingTable table, string vendorName, string what)
    {
        _table = table;
        _vendorName = vendorName;
        _what = what;
    }

    /// <summary>Opens a code mapping file with the standard columns.</summary>
    public static CodeMapping<TCanonical> Open(MappingOptions options, string relativePath, string vendorName, string what, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var table = new MappingTable(options.ResolveRoot(), relativePath, "canonical", ["vendor_code"], options.ReloadCheckInterval, time);
        return new CodeMapping<TCanonical>(table, vendorName, what);
    }

    /// <summary>The table behind the mapping.</summary>
    public MappingTable Table => _table;

    /// <summary>Maps <paramref name="code"/> or throws <see cref="MappingMissingException"/>.</summary>
    public TCanonical Map(string installation, string? code)
    {
        var value = code ?? string.Empty;
        var found = _table.Find(installation, value);
        if (found is null)
        {
            var extra = _table.LastLoadError is { } error ? $" ({error})" : string.Empty;
            throw new MappingMissingException(
                $"Unknown {_vendorName} {_what} '{value}' for installation '{installation}': add it to {_table.DisplayPath} and replay the message.{extra}",
                _table.DisplayPath, value);
        }
        if (!Enum.TryParse<TCanonical>(found, ignoreCase: false, out var canonical) || !Enum.IsDefined(canonical))
        {
            throw new MappingMissingException(
                $"{_table.DisplayPath} maps {_vendorName} {_what} '{value}' to '{found}', which is not a canonical {typeof(TCanonical).Name} " +
                $"(one of: {string.Join(", ", Enum.GetNames<TCanonical>())}): correct the line and replay the message.",
                _table.DisplayPath, value);
        }
        return canonical;
    }
}
