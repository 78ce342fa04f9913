using System.Globalization;
using Bogus;

namespace Lsb.Hub.Simulators.VSmart.State;

/// <summary>
/// The in-memory state of one simulated V-smart installation. Every operation takes the one lock: the simulator is
/// for tests, the sandbox and the benchmark, where correctness and determinism matter more than write concurrency.
/// </summary>
internal sealed partial class InstallationState
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly Faker _faker;
    private readonly Dictionary<string, LibraryState> _libraries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string LibraryId, VSmartBranchSpec Branch)> _branches = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimTitle> _titles = new(StringComparer.Ordinal);
    private readonly List<string> _titleNumbers = [];
    private readonly Dictionary<long, SimCopy> _copies = [];
    private readonly Dictionary<string, long> _copiesByBarcode = new(StringComparer.Ordinal);
    private readonly Dictionary<long, SimBorrower> _borrowers = [];
    private readonly Dictionary<string, long> _borrowersByCard = new(StringComparer.Ordinal);
    private readonly Dictionary<long, SimLoan> _loans = [];
    private readonly Dictionary<long, SimRequest> _requests = [];
    private readonly Dictionary<string, long> _requestsByReference = new(StringComparer.Ordinal);
    private readonly RecordIndex _bibIndex = new();
    private readonly RecordIndex _holdingsIndex = new();
    private readonly List<FeedEntry<BorrowerRecord>> _borrowerFeed = [];
    private readonly List<FeedEntry<LoanRecord>> _loanFeed = [];
    private long _revision;
    private long _nextBorrowerId = 200_001;
    private long _nextItemId = 7_000_001;
    private long _nextLoanId = 8_000_001;
    private long _nextRequestId = 600_001;
    private long _nextTitleNumber = 3_000_001;
    private long _nextCardSequence = 1;
    private long _nextBarcodeSequence = 1;
    private long _lastStampTicks;
    private DateTimeOffset? _seedClock;
    private string? _emittedLoanStatus;
    private DateTimeOffset? _earliestStamp;
    private long _ncipMessages;

    public InstallationState(VSmartInstallationSpec spec, VSmartSimulatorOptions options)
    {
        Spec = spec;
        Options = options;
        _time = options.Time;
        _faker = new Faker("nl") { Random = new Randomizer(options.Seed ^ StableHash(spec.Name)) };
        foreach (var library in spec.Libraries)
        {
            _libraries.Add(library.LibraryId, new LibraryState(library));
            foreach (var branch in library.Branches) _branches.Add(branch.BranchCode, (library.LibraryId, branch));
        }
        RepositoryIdentifier = $"{spec.Name}.vsmart.test";
        Seed(options);
    }

    public VSmartInstallationSpec Spec { get; }

    public VSmartSimulatorOptions Options { get; }

    /// <summary>The OAI-PMH repository identifier (oai-identifier scheme): <c>{name}.vsmart.test</c>.</summary>
    public string RepositoryIdentifier { get; }

    public string? EmittedLoanStatus
    {
        get { lock (_gate) return _emittedLoanStatus; }
        set { lock (_gate) _emittedLoanStatus = string.IsNullOrWhiteSpace(value) ? null : value.Trim(); }
    }

    /// <summary>Counts an NCIP message received (see <see cref="SimulatorStatistics.NcipMessages"/>).</summary>
    public void CountNcipMessage() => Interlocked.Increment(ref _ncipMessages);

    public bool HasLibrary(string libraryId) => _libraries.ContainsKey(libraryId);

    public SimulatorStatistics Statistics()
    {
        lock (_gate)
        {
            return new SimulatorStatistics(Spec.Name, _borrowers.Count, _bibIndex.Count, _copies.Values.Count(c => !c.Withdrawn && !c.Temporary),
                _loans.Values.Count(l => l.ReturnedAt is null), _borrowerFeed.Count, _loanFeed.Count, _emittedLoanStatus,
                Interlocked.Read(ref _ncipMessages));
        }
    }

    /// <summary>The copies in the collection (not withdrawn, not temporary) with their library, for tests that compare
    /// the hub's holdings with the simulator's.</summary>
    public IReadOnlyList<SimulatedCopy> CollectionCopies()
    {
        lock (_gate) return [.. _copies.Values.Where(c => !c.Withdrawn && !c.Temporary).OrderBy(c => c.Id).Select(Show)];
    }

    /// <summary>A strictly increasing timestamp: two changes never share one.</summary>
    private DateTimeOffset NextStamp()
    {
        var now = (_seedClock ?? _time.GetUtcNow()).UtcTicks;
        _lastStampTicks = Math.Max(now, _lastStampTicks + 1);
        return new DateTimeOffset(_lastStampTicks, TimeSpan.Zero);
    }

    private DateTimeOffset Now => _seedClock ?? _time.GetUtcNow();

    private DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    private LibraryState Library(string libraryId)
        => _libraries.TryGetValue(libraryId, out var library)
            ? library
            : throw new VSmartSimulatorException(404, "LIBRARY_NOT_FOUND", $"V-smart installation '{Spec.Name}' has no library '{libraryId}'.");

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text) hash = unchecked((hash * 31) + c);
        return hash;
    }

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static long? ParseId(string? text) => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>A change to a title or one of its copies: a new record version (999 $v), datestamp and 005, and new
    /// versions of the holdings records of the branches in <paramref name="branches"/>.</summary>
    private void Touch(SimTitle title, params ReadOnlySpan<string> branches)
    {
        var stamp = NextStamp();
        title.Revision = ++_revision;
        title.Modified = stamp;
        if (title.Suppressed) return;
        _earliestStamp ??= stamp;
        _bibIndex.Touch(title.TitleNumber, title.Revision, stamp);
        foreach (var branch in branches) _holdingsIndex.Touch(HoldingsKey(title.TitleNumber, branch), title.Revision, stamp);
    }

    private static string HoldingsKey(string titleNumber, string branchCode) => titleNumber + "|" + branchCode;

    private void EmitBorrower(SimBorrower borrower, string kind)
        => _borrowerFeed.Add(new FeedEntry<BorrowerRecord>(_borrowerFeed.Count + 1, NextStamp(), kind, borrower.Snapshot()));

    private void EmitLoan(SimLoan loan, string kind, DateTimeOffset at)
        => _loanFeed.Add(new FeedEntry<LoanRecord>(_loanFeed.Count + 1, at, kind, loan.Snapshot(_emittedLoanStatus)));
}
