using System.Diagnostics;
using System.Globalization;
using Lsb.Hub.Ibl;
using Lsb.Hub.Ibl.Bench;

// dotnet run -c Release --project bench/Ibl.Bench -- [requests (10000)] [members per borrowing library (50)] [HTTP workers (16)] [timeout minutes (60)]
var requests = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var membersPerLibrary = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
var workers = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 16;
var timeout = TimeSpan.FromMinutes(args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 60);
var inv = CultureInfo.InvariantCulture;

// The vendor pairs of issue 9's "Checked by": borrower → lender.
(string Borrower, string Lender, string Name)[] pairs =
[
    ("NL-0851010000", "NL-0852010000", "Wise → V-smart"),
    ("NL-0852020000", "NL-0853010000", "V-smart → Brocade"),
    ("NL-0853020000", "NL-0851020000", "Brocade → Wise"),
];

Console.WriteLine(string.Create(inv, $"IBL benchmark: {requests:N0} requests, {pairs.Length} vendor pairs, {membersPerLibrary} members per borrowing library, {workers} HTTP workers, {Environment.ProcessorCount} cores"));
var setup = Stopwatch.StartNew();
await using var world = await BenchWorld.StartAsync();

// Seed the simulators the way libraries fill their systems: members at the borrowers, one copy of a title of its own per request at the lender.
var cards = new Dictionary<string, List<string>>();
foreach (var borrower in pairs.Select(p => p.Borrower).Distinct())
    cards[borrower] = [.. Enumerable.Range(0, membersPerLibrary).Select(i => world.AddMember(borrower, i))];
var seeds = new List<(int Pair, string Isbn, string Barcode)>(requests);
var run = Random.Shared.Next(100, 999);
for (var i = 0; i < requests; i++)
{
    var pair = i % pairs.Length;
    var isbn = string.Create(inv, $"979{run}{i:D7}");
    seeds.Add((pair, isbn, world.AddCopy(pairs[pair].Lender, isbn)));
}
world.Brocade.Control.ExportNow(Lsb.Hub.Simulators.Brocade.Control.ExportKind.Delta);
Console.WriteLine(string.Create(inv, $"seeded {requests:N0} copies and {cards.Values.Sum(c => c.Count)} members in {setup.Elapsed.TotalSeconds:F0} s; waiting for the hub to ingest them"));

var allCards = cards.Values.SelectMany(c => c).ToList();
var ingestDeadline = DateTime.UtcNow + TimeSpan.FromMinutes(30);
long copies = 0, members = 0;
while (DateTime.UtcNow < ingestDeadline)
{
    copies = await world.ScalarAsync<long>("SELECT COUNT(*) FROM holdings WHERE isbn LIKE @prefix AND status = 'Available' AND ibl_lendable = 1", new { prefix = string.Create(inv, $"979{run}%") });
    members = await world.ScalarAsync<long>("SELECT COUNT(*) FROM members WHERE card_number IN @allCards", new { allCards });
    if (copies >= requests && members >= allCards.Count) break;
    await Task.Delay(1000);
}
if (copies < requests || members < allCards.Count)
{
    Console.WriteLine($"The hub ingested only {copies} of {requests} copies and {members} of {allCards.Count} members in 30 minutes; stopping.");
    return 1;
}
var memberIds = (await world.QueryAsync<(string Id, string Card)>("SELECT id, card_number FROM members WHERE card_number IN @allCards", new { allCards }))
    .ToDictionary(m => m.Card, m => m.Id);
Console.WriteLine(string.Create(inv, $"ingested after {setup.Elapsed.TotalSeconds:F0} s"));

var journeys = seeds.Select((s, i) =>
{
    var (borrower, lender, _) = pairs[s.Pair];
    var card = cards[borrower][i / pairs.Length % membersPerLibrary];
    return new LifecycleDriver.Journey(borrower, lender, memberIds[card], s.Isbn, s.Barcode);
}).ToList();

var process = Process.GetCurrentProcess();
var cpuBefore = process.TotalProcessorTime;
var driver = new LifecycleDriver(world, workers);
var elapsed = await driver.RunAsync(journeys, timeout, Console.WriteLine);
process.Refresh();
var cpu = process.TotalProcessorTime - cpuBefore;

var done = driver.Journeys.Where(j => j.Phase == "Completed").ToList();
var failed = driver.Journeys.Where(j => j.Phase == "Failed").ToList();
Console.WriteLine();
Console.WriteLine(string.Create(inv, $"completed {done.Count:N0} of {requests:N0} in {elapsed.TotalSeconds:F1} s: {done.Count / elapsed.TotalSeconds:F1} completed requests/s; failed {failed.Count}, unfinished {requests - done.Count - failed.Count}; HTTP failures {driver.HttpFailures}; CPU {cpu.TotalSeconds:F0} s over {elapsed.TotalSeconds:F0} s wall"));
foreach (var problem in failed.GroupBy(f => f.Problem).OrderByDescending(g => g.Count()).Take(5))
    Console.WriteLine($"  failed ×{problem.Count()}: {problem.Key}");
if (done.Count > 0)
{
    var endToEnd = done.Select(j => Stopwatch.GetElapsedTime(j.PlacedTicks, j.CompletedTicks).TotalMilliseconds).ToList();
    Console.WriteLine(string.Create(inv, $"placed → LoanCompleted per request (wall, includes the driver's staff reactions): p50 {Percentile(endToEnd, 50) / 1000:F1} s, p99 {Percentile(endToEnd, 99) / 1000:F1} s"));
}

// Per state transition, from the hub's own history: the time from entering one state to entering the next.
var ids = done.Select(j => j.Id!).ToHashSet();
var history = (await world.QueryAsync<(string RequestId, long Seq, string? FromState, string ToState, string At)>(
    "SELECT request_id, seq, from_state, to_state, at FROM ibl_history ORDER BY request_id, seq")).Where(h => ids.Contains(h.RequestId));
var transitions = new Dictionary<string, List<double>>();
foreach (var request in history.GroupBy(h => h.RequestId))
{
    DateTimeOffset? enteredAt = null;
    string? state = null;
    foreach (var h in request)
    {
        if (h.ToState == state) continue;
        var at = IblClock.Parse(h.At);
        if (state is not null && enteredAt is { } entered)
        {
            var key = $"{state} → {h.ToState}";
            if (!transitions.TryGetValue(key, out var list)) transitions[key] = list = [];
            list.Add((at - entered).TotalMilliseconds);
        }
        state = h.ToState;
        enteredAt = at;
    }
}
Console.WriteLine();
Console.WriteLine("| transition | what happens in between | n | p50 ms | p99 ms |");
Console.WriteLine("|---|---|---:|---:|---:|");
foreach (var (key, values) in transitions.OrderByDescending(t => t.Value.Count).ThenBy(t => Order(t.Key)))
    Console.WriteLine(string.Create(inv, $"| {key} | {Cause(key)} | {values.Count:N0} | {Percentile(values, 50):F0} | {Percentile(values, 99):F0} |"));

// Each adapter step: from the decision that made it to its answer recorded (bus, adapter, simulator, save).
var steps = (await world.QueryAsync<(string RequestId, string Kind, string CreatedAt, string? CompletedAt)>(
    "SELECT request_id, kind, created_at, completed_at FROM ibl_steps WHERE completed_at IS NOT NULL")).Where(s => ids.Contains(s.RequestId));
Console.WriteLine();
Console.WriteLine("| adapter step | n | p50 ms | p99 ms |");
Console.WriteLine("|---|---:|---:|---:|");
foreach (var kind in steps.GroupBy(s => s.Kind).OrderBy(g => g.Min(s => s.CreatedAt), StringComparer.Ordinal))
{
    var values = kind.Select(s => (IblClock.Parse(s.CompletedAt!) - IblClock.Parse(s.CreatedAt)).TotalMilliseconds).ToList();
    Console.WriteLine(string.Create(inv, $"| {kind.Key} | {values.Count:N0} | {Percentile(values, 50):F0} | {Percentile(values, 99):F0} |"));
}
return done.Count == requests ? 0 : 2;

static double Percentile(List<double> values, double p)
{
    if (values.Count == 0) return double.NaN;
    values.Sort();
    var rank = (int)Math.Ceiling(p / 100 * values.Count) - 1;
    return values[Math.Clamp(rank, 0, values.Count - 1)];
}

static int Order(string transition) => Array.FindIndex(
    ["New →", "Validated →", "Sourcing →", "SentToSupplier →", "WillSupply →", "Loaned →", "Received →", "ShippedReturn →"], transition.StartsWith) is var i and >= 0 ? i : 99;

static string Cause(string transition) => transition switch
{
    "New → Validated" => "hub: ValidatePatron at the borrower's system (bus + adapter)",
    "Validated → Sourcing" => "hub: same decision",
    "Sourcing → SentToSupplier" => "hub: rota from the union index, PlaceLenderHold at the lender's system",
    "SentToSupplier → WillSupply" => "driver: lender staff answer (poll + HTTP)",
    "WillSupply → Loaned" => "driver: lender staff ship (HTTP, right after WillSupply)",
    "Loaned → Received" => "hub: LenderCheckOut; then driver: borrower staff receive",
    "Received → ShippedReturn" => "hub: CreateTemporaryItem + BorrowerCheckOut; then driver: return",
    "ShippedReturn → LoanCompleted" => "hub: BorrowerCheckIn + DeleteTemporaryItem; driver: CheckedIn; hub: LenderCheckIn",
    _ => "",
};
