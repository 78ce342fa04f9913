using Bogus;
using Lsb.Hub.Simulators.Wise.Dialect;

namespace Lsb.Hub.Simulators.Wise.State;

/// <summary>
/// The in-memory state of one simulated Wise system. Every operation takes the one lock: the simulator is for tests,
/// the sandbox and the benchmark, where correctness and determinism matter more than write concurrency.
/// </summary>
internal sealed partial class InstallationState
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly Faker _faker;
    private readonly Dictionary<string, LibraryState> _libraries = new(StringComparer.Ordinal);
    private readonly Dictionary<long, SimPatron> _patrons = [];
    private readonly Dictionary<string, long> _patronsByCard = new(StringComparer.Ordinal);
    private readonly Dictionary<long, SimItem> _items = [];
    private readonly Dictionary<string, long> _itemsByBarcode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<long>> _itemsByTitle = new(StringComparer.Ordinal);
    private readonly Dictionary<long, SimLoan> _loans = [];
    private readonly Dictionary<long, SimHold> _holds = [];
    private readonly Dictionary<string, long> _holdsByReference = new(StringComparer.Ordinal);
    private long _nextPatronId = 100_001;
    private long _nextItemId = 5_000_001;
    private long _nextLoanId = 9_000_001;
    private long _nextHoldId = 700_001;
    private long _nextTitleNumber = 1_000_001;
    private long _nextCardSequence = 1;
    private long _nextBarcodeSequence = 1;
    private long _lastStampTicks;
    private DateTimeOffset? _seedClock;
    private string? _emittedLoanStatus;

    public InstallationState(WiseInstallationSpec spec, WiseSimulatorOptions options)
    {
        Spec = spec;
        _time = options.Time;
        _faker = new Faker("nl") { Random = new Randomizer(options.Seed ^ StableHash(spec.Name)) };
        foreach (var library in spec.Libraries) _libraries.Add(library.LibraryId, new LibraryState(library));
        Seed(options);
    }

    public WiseInstallationSpec Spec { get; }

    public bool HasLibrary(string libraryId) => _libraries.ContainsKey(libraryId);

    public IEnumerable<LibraryState> Libraries => _libraries.Values;

    public string? EmittedLoanStatus
    {
        get { lock (_gate) return _emittedLoanStatus; }
        set { lock (_gate) _emittedLoanStatus = string.IsNullOrWhiteSpace(value) ? null : value.Trim(); }
    }

    public SimulatorStatistics Statistics()
    {
        lock (_gate)
        {
            return new SimulatorStatistics(Spec.Name, _patrons.Count, _items.Values.Count(i => !i.Removed),
                _loans.Values.Count(l => l.Current.ReturnedAt is null), _libraries.Values.Sum(l => l.ItemFeed.Count),
                _libraries.Values.Sum(l => l.LoanFeed.Count), _libraries.Values.Sum(l => l.DeletedPatrons.Count), _emittedLoanStatus);
        }
    }

    /// <summary>A strictly increasing timestamp: two changes never share one, so (ticks, id) orders them.</summary>
    private DateTimeOffset NextStamp()
    {
        var now = (_seedClock ?? _time.GetUtcNow()).UtcTicks;
        _lastStampTicks = Math.Max(now, _lastStampTicks + 1);
        return new DateTimeOffset(_lastStampTicks, TimeSpan.Zero);
    }

    private DateOnly Today => DateOnly.FromDateTime((_seedClock ?? _time.GetUtcNow()).UtcDateTime);

    private LibraryState Library(string libraryId)
        => _libraries.TryGetValue(libraryId, out var library)
            ? library
            : throw new WiseSimulatorException(404, "LIBRARY_NOT_FOUND", $"Wise system '{Spec.Name}' has no library '{libraryId}'.");

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text) hash = unchecked((hash * 31) + c);
        return hash;
    }

    private void EmitItem(LibraryState library, SimItem item, WiseItemDto next, string kind)
    {
        var at = NextStamp();
        item.Current = next with { LastModified = at };
        library.ItemFeed.Add(new WiseItemMutationDto(library.ItemFeed.Count + 1, at, kind, item.Current));
    }

    private void EmitLoan(LibraryState library, SimLoan loan, WiseLoanDto next, string kind, DateTimeOffset at)
    {
        loan.Current = next;
        var emitted = _emittedLoanStatus is { } forced ? next with { Status = forced } : next;
        library.LoanFeed.Add(new WiseLoanMutationDto(library.LoanFeed.Count + 1, at, kind, emitted));
    }

    private void TouchPatron(LibraryState library, SimPatron patron)
    {
        library.PatronsByModification.Remove((patron.LastModifiedTicks, patron.Id));
        patron.LastModifiedTicks = NextStamp().UtcTicks;
        library.PatronsByModification.Add((patron.LastModifiedTicks, patron.Id));
    }
}
