using System.Globalization;
using Bogus;
using Lsb.Hub.Simulators.Brocade.Control;

namespace Lsb.Hub.Simulators.Brocade.State;

/// <summary>
/// The in-memory state of the simulated Brocade installation. Every operation takes the one lock; every change gets
/// the next mutation number, which delta exports use to find what changed. After each operation that changed
/// something, <see cref="Changed"/> is raised outside the lock (the exporter writes a delta when told to).
/// </summary>
internal sealed partial class InstallationState
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly Faker _faker;
    private readonly Dictionary<long, SimMember> _members = [];
    private readonly Dictionary<string, SimMember> _membersByCard = new(StringComparer.Ordinal);
    private readonly Dictionary<long, SimCopy> _copies = [];
    private readonly Dictionary<string, SimCopy> _copiesByBarcode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimTitle> _titles = new(StringComparer.Ordinal);
    private readonly Dictionary<long, SimLoan> _loans = [];
    private readonly List<SimHold> _holds = [];
    private readonly List<SimForeignTakeIn> _foreignTakeIns = [];
    private long _mutation;
    private long _nextMember = 200_001;
    private long _nextCopy = 7_000_001;
    private long _nextLoan = 40_000_001;
    private long _nextTitle = 3_000_001;
    private long _nextTakeIn = 900_001;
    private long _nextCard = 1;
    private long _nextBarcode = 1;
    private DateTimeOffset? _seedClock;
    private string? _emittedLoanStatus;

    public InstallationState(BrocadeSimulatorOptions options)
    {
        Spec = options.Installation;
        _time = options.Time;
        _faker = new Faker("nl") { Random = new Randomizer(options.Seed) };
        Seed(options);
    }

    public BrocadeInstallationSpec Spec { get; }

    /// <summary>Raised after an operation changed something (outside the lock).</summary>
    public event Action? Changed;

    public long Mutation
    {
        get { lock (_gate) return _mutation; }
    }

    /// <summary>The mutation number, for callers already inside <see cref="Read{T}"/>.</summary>
    public long MutationUnlocked => _mutation;

    public string? EmittedLoanStatus
    {
        get { lock (_gate) return _emittedLoanStatus; }
        set { lock (_gate) _emittedLoanStatus = string.IsNullOrWhiteSpace(value) ? null : value.Trim(); }
    }

    public DateTimeOffset Now => _seedClock ?? _time.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    /// <summary>Runs <paramref name="read"/> under the lock (for exports and SIP2 reads).</summary>
    public T Read<T>(Func<InstallationState, T> read)
    {
        lock (_gate) return read(this);
    }

    public IEnumerable<SimMember> AllMembers => _members.Values;
    public IEnumerable<SimCopy> AllCopies => _copies.Values;
    public IEnumerable<SimLoan> AllLoans => _loans.Values;
    public IEnumerable<SimForeignTakeIn> AllForeignTakeIns => _foreignTakeIns;

    public SimulatorStatistics Statistics(int exports, long sipMessages, long sipConnections, long sipLogins)
    {
        lock (_gate)
        {
            return new SimulatorStatistics(_members.Values.Count(m => !m.Deleted), _copies.Values.Count(c => !c.Withdrawn),
                _loans.Values.Count(l => l.ReturnedAt is null), exports, sipMessages, sipConnections, sipLogins);
        }
    }

    /// <summary>Runs a change under the lock and raises <see cref="Changed"/> afterwards.</summary>
    private T Change<T>(Func<T> change)
    {
        T result;
        lock (_gate) result = change();
        Changed?.Invoke();
        return result;
    }

    private long Touch() => ++_mutation;

    private BrocadeLibrarySpec Library(string? code)
    {
        if (code is null) return Spec.Libraries[0];
        return Spec.Libraries.FirstOrDefault(l => l.LibraryCode == code)
            ?? throw new BrocadeSimulatorException($"Brocade installation '{Spec.Name}' has no library '{code}' (it has: {string.Join(", ", Spec.Libraries.Select(l => l.LibraryCode))}).");
    }

    private static string Branch(BrocadeLibrarySpec library, string? code, Randomizer random)
    {
        if (code is null) return library.Branches[random.Int(0, library.Branches.Count - 1)].BranchCode;
        return library.Branches.Any(b => b.BranchCode == code)
            ? code
            : throw new BrocadeSimulatorException($"Library '{library.LibraryCode}' has no branch '{code}'.");
    }

    public bool IsLibrary(string? code) => code is not null && Spec.Libraries.Any(l => l.LibraryCode == code);

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
