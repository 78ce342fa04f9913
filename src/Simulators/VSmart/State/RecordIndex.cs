namespace Lsb.Hub.Simulators.VSmart.State;

/// <summary>
/// The OAI-PMH order of one kind of record: an append-only list of (revision, key, datestamp) in revision order, plus
/// the current revision of each key. A record that changes is appended again; its older entries are skipped. Paging is
/// keyset-based on the revision, so a record changed during a harvest moves to the end and is never skipped.
/// Not thread-safe: the installation's lock guards it.
/// </summary>
internal sealed class RecordIndex
{
    private readonly List<long> _revisions = [];
    private readonly List<string> _keys = [];
    private readonly List<long> _stamps = [];
    private readonly Dictionary<string, long> _current = new(StringComparer.Ordinal);

    /// <summary>Distinct records (deleted ones included).</summary>
    public int Count => _current.Count;

    public void Touch(string key, long revision, DateTimeOffset modified)
    {
        _revisions.Add(revision);
        _keys.Add(key);
        _stamps.Add(modified.UtcTicks);
        _current[key] = revision;
    }

    public bool Contains(string key) => _current.ContainsKey(key);

    /// <summary>The live entries after <paramref name="afterRevision"/>, in revision order.</summary>
    public IEnumerable<(long Revision, string Key, long StampTicks)> After(long afterRevision)
    {
        var lo = 0;
        var hi = _revisions.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_revisions[mid] <= afterRevision) lo = mid + 1;
            else hi = mid;
        }
        for (var i = lo; i < _revisions.Count; i++)
        {
            if (_current[_keys[i]] == _revisions[i]) yield return (_revisions[i], _keys[i], _stamps[i]);
        }
    }
}
