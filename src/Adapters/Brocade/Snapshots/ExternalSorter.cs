namespace Lsb.Hub.Adapters.Brocade.Snapshots;

/// <summary>
/// Sorts records by key with bounded memory: records fill one buffer of the configured size; a full buffer is sorted
/// and written as a run file; at the end the runs are merged (k-way, one small buffer per run). Memory is the buffer
/// plus its index, plus 64 KiB per run in the merge (a run per <c>SortMemoryMegabytes</c> of export).
/// </summary>
internal sealed class ExternalSorter : IDisposable
{
    /// <summary>The read buffer of each run in the merge: the runs are many for a large export, so each gets little.</summary>
    private const int RunBufferSize = 64 * 1024;
    private readonly string _folder;
    private readonly byte[] _buffer;
    private readonly List<(int Offset, int KeyLength, int RecordLength, long Position, int Ordinal)> _index = [];
    private readonly List<string> _runs = [];
    private int _used;

    public ExternalSorter(string folder, int memoryBytes)
    {
        _folder = folder;
        Directory.CreateDirectory(folder);
        _buffer = new byte[memoryBytes];
    }

    public int Runs => _runs.Count;

    public void Add(ReadOnlySpan<byte> key, ReadOnlySpan<byte> record, long position, int ordinal)
    {
        var size = key.Length + record.Length;
        if (size > _buffer.Length) throw new InvalidDataException($"A record of {size:N0} bytes does not fit the sort buffer: raise Adapters:Brocade:SortMemoryMegabytes.");
        if (_used + size > _buffer.Length) Spill();
        key.CopyTo(_buffer.AsSpan(_used));
        record.CopyTo(_buffer.AsSpan(_used + key.Length));
        _index.Add((_used, key.Length, record.Length, position, ordinal));
        _used += size;
    }

    /// <summary>Hands every record to <paramref name="onRecord"/> in key order.</summary>
    public void Merge(RecordHandler onRecord)
    {
        SortBuffer();
        if (_runs.Count == 0)
        {
            foreach (var (offset, keyLength, recordLength, position, ordinal) in _index)
                onRecord(_buffer.AsSpan(offset, keyLength), _buffer.AsSpan(offset + keyLength, recordLength), position, ordinal);
            return;
        }
        Spill();
        var readers = _runs.Select(r => new SnapshotReader(r, RunBufferSize)).ToList();
        try
        {
            var queue = new PriorityQueue<int, int>(Comparer<int>.Create((a, b) =>
            {
                var byKey = SnapshotKeys.Compare(readers[a].Key, readers[b].Key);
                return byKey != 0 ? byKey : a.CompareTo(b);
            }));
            for (var i = 0; i < readers.Count; i++) if (readers[i].Next()) queue.Enqueue(i, i);
            while (queue.TryDequeue(out var run, out _))
            {
                var reader = readers[run];
                onRecord(reader.Key, reader.Record, reader.Position, reader.Ordinal);
                if (reader.Next()) queue.Enqueue(run, run);
            }
        }
        finally
        {
            foreach (var reader in readers) reader.Dispose();
        }
    }

    private void SortBuffer()
    {
        var buffer = _buffer;
        _index.Sort((a, b) =>
        {
            var byKey = SnapshotKeys.Compare(buffer.AsSpan(a.Offset, a.KeyLength), buffer.AsSpan(b.Offset, b.KeyLength));
            return byKey != 0 ? byKey : a.Ordinal.CompareTo(b.Ordinal);
        });
    }

    private void Spill()
    {
        if (_index.Count == 0) return;
        SortBuffer();
        var path = Path.Combine(_folder, $"run-{_runs.Count:D4}.snap");
        using (var writer = new SnapshotWriter(path, string.Empty, null))
        {
            foreach (var (offset, keyLength, recordLength, position, ordinal) in _index)
                writer.Write(_buffer.AsSpan(offset, keyLength), _buffer.AsSpan(offset + keyLength, recordLength), position, ordinal);
            writer.Complete();
        }
        _runs.Add(path);
        _index.Clear();
        _used = 0;
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
