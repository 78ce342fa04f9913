namespace Lsb.Hub.Simulators.VSmart.State;

/// <summary>A set of ids with O(1) add, remove and random pick, for generating activity quickly.</summary>
internal sealed class PickList
{
    private readonly List<long> _ids = [];
    private readonly Dictionary<long, int> _index = [];

    public int Count => _ids.Count;

    public void Add(long id)
    {
        if (_index.TryAdd(id, _ids.Count)) _ids.Add(id);
    }

    public void Remove(long id)
    {
        if (!_index.Remove(id, out var at)) return;
        var last = _ids[^1];
        _ids[at] = last;
        _ids.RemoveAt(_ids.Count - 1);
        if (last != id) _index[last] = at;
    }

    public long Pick(Bogus.Randomizer random) => _ids[random.Int(0, _ids.Count - 1)];
}
