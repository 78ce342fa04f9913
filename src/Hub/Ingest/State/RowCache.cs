namespace Lsb.Hub.Ingest.State;

/// <summary>
/// The id-map entries and rows the ingest pages of this process last read and decided, kept between pages so that the
/// next page need not read them again (SQLite only; docs/ingest.md, "Rows kept between pages").
/// <para>
/// It is only as good as the promise that nothing else changed them: <see cref="CanonicalIngest"/> writes every page on
/// ONE connection and asks that connection for SQLite's <c>PRAGMA data_version</c> once it holds the write lock. The
/// value stays the same as long as no other connection has committed; any other commit (an erasure, a library move,
/// retention, a guest loan, another process) changes it, and then everything kept is dropped (<see cref="Validate"/>).
/// A page that fails drops everything too (its rows were kept as decided, and never stored).
/// </para>
/// Not thread-safe: the ingest gate admits one page at a time. While a page is written, the look-ahead of the next page
/// (CanonicalIngest.Ahead) keeps the written page's rows and then reads the kept rows; the page itself does not touch
/// them, and the next page waits for the look-ahead before it does.
/// </summary>
public sealed class RowCache(int capacity)
{
    private long? _dataVersion;

    /// <summary>Members by (installation, vendor local id).</summary>
    public Kept<MemberRow> Members { get; } = new(capacity);
    /// <summary>Holdings by (installation, vendor local id).</summary>
    public Kept<HoldingRow> Holdings { get; } = new(capacity);
    /// <summary>Loans by (installation, vendor local id).</summary>
    public Kept<LoanRow> Loans { get; } = new(capacity);

    /// <summary>Lookups answered from memory since the process started.</summary>
    public long Hits => Members.Hits + Holdings.Hits + Loans.Hits;
    /// <summary>Lookups that had to read the database.</summary>
    public long Misses => Members.Misses + Holdings.Misses + Loans.Misses;
    /// <summary>Times everything was dropped because another connection committed (or a page failed): a decision taken on
    /// kept rows holds only while this has not moved.</summary>
    public long Invalidations { get; private set; }

    /// <summary>Entries dropped so far to make room (a full generation let go).</summary>
    public long Drops => Members.Drops + Holdings.Drops + Loans.Drops;

    /// <summary>Compares SQLite's data version, read on the ingest connection inside its write transaction, with the one
    /// the kept rows were stored under; drops them all when it differs. Returns whether anything kept is usable.</summary>
    public bool Validate(long dataVersion)
    {
        if (_dataVersion == dataVersion) return true;
        if (_dataVersion is not null) Clear();
        _dataVersion = dataVersion;
        return false;
    }

    /// <summary>Drops everything (a page failed, or the data version is unknown).</summary>
    public void Clear()
    {
        Members.Clear();
        Holdings.Clear();
        Loans.Clear();
        _dataVersion = null;
        Invalidations++;
    }

    /// <summary>Keeps what a page read and decided, once it is decided and before it commits: if it commits, every entity
    /// of the set is mapped and its row is as stored; if it does not, the caller <see cref="Clear"/>s everything.</summary>
    public void Remember(WorkingSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        Members.Remember(set.InstallationId, set.Members);
        Holdings.Remember(set.InstallationId, set.Holdings);
        Loans.Remember(set.InstallationId, set.Loans);
    }

    /// <summary>One kind of entity: two generations of at most <c>capacity</c> entries each. When the current one is full it
    /// becomes the previous one and the oldest generation is dropped; an entry found in the previous one moves back to the
    /// current one, so what pages keep touching stays.</summary>
    public sealed class Kept<TRow>(int capacity) where TRow : class
    {
        private Generation _current = new();
        private Generation _previous = new();

        /// <summary>Lookups answered from memory.</summary>
        public long Hits { get; private set; }
        /// <summary>Lookups not found.</summary>
        public long Misses { get; private set; }
        /// <summary>Entries dropped to make room.</summary>
        public long Drops { get; private set; }

        /// <summary>The entry of <paramref name="localId"/> as tracked for a new page, if kept.</summary>
        public Tracked<TRow>? Find(string installationId, string localId)
        {
            if (!_current.TryGet(installationId, localId, out var entry))
            {
                if (!_previous.Remove(installationId, localId, out entry))
                {
                    Misses++;
                    return null;
                }
                Put(installationId, localId, entry);
            }
            Hits++;
            return new Tracked<TRow> { CanonicalId = entry.CanonicalId, Mapped = true, Row = entry.Row, BoundAt = entry.BoundAt, StoredRow = entry.Row };
        }

        internal void Remember(string installationId, Dictionary<string, Tracked<TRow>> tracked)
        {
            foreach (var (localId, t) in tracked)
            {
                // StateWriter maps every entity of the set that is not yet, so each is mapped once the page commits.
                Put(installationId, localId, new Entry(t.CanonicalId, t.BoundAt, t.Row));
            }
        }

        internal void Clear()
        {
            _current.Clear();
            _previous.Clear();
        }

        private void Put(string installationId, string localId, Entry entry)
        {
            if (_current.Count >= capacity && !_current.Contains(installationId, localId))
            {
                (_previous, _current) = (_current, _previous);
                Drops += _current.Count;
                _current.Clear();
            }
            _current.Set(installationId, localId, entry);
        }

        private sealed record Entry(string CanonicalId, string? BoundAt, TRow? Row);

        // Entries by installation, then by local id (ordinal string keys: a tuple key hashed through the shared generic
        // comparer cost ≈ 3 % of the ingest benchmark's CPU).
        private sealed class Generation
        {
            private readonly Dictionary<string, Dictionary<string, Entry>> _byInstallation = new(StringComparer.Ordinal);

            public int Count { get; private set; }

            public bool TryGet(string installationId, string localId, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out Entry entry)
            {
                entry = null;
                return _byInstallation.TryGetValue(installationId, out var entries) && entries.TryGetValue(localId, out entry);
            }

            public bool Contains(string installationId, string localId)
                => _byInstallation.TryGetValue(installationId, out var entries) && entries.ContainsKey(localId);

            public bool Remove(string installationId, string localId, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out Entry entry)
            {
                entry = null;
                if (!_byInstallation.TryGetValue(installationId, out var entries) || !entries.Remove(localId, out entry)) return false;
                Count--;
                return true;
            }

            public void Set(string installationId, string localId, Entry entry)
            {
                if (!_byInstallation.TryGetValue(installationId, out var entries))
                    _byInstallation[installationId] = entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
                if (entries.TryAdd(localId, entry)) Count++;
                else entries[localId] = entry;
            }

            public void Clear()
            {
                _byInstallation.Clear();
                Count = 0;
            }
        }
    }
}
