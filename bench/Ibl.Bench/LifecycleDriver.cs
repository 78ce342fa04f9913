using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;

namespace Lsb.Hub.Ibl.Bench;

/// <summary>
/// Plays the libraries' staff for many requests at once: places every request over the API, then watches the hub's
/// state (history and steps, read from its database every <see cref="PollInterval"/>) and posts the next action of each
/// request as soon as the hub is ready for it — the lender's WillSupply and Shipped, the borrower's Received and
/// ShippedReturn, the lender's CheckedIn, and the hand work a SIP2 system needs (Brocade's temporary copy). Actions go
/// through a fixed number of HTTP workers.
/// </summary>
public sealed class LifecycleDriver(BenchWorld world, int workers)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(300);
    private readonly ConcurrentDictionary<string, Journey> _journeys = new();
    private readonly Channel<Func<Task>> _work = Channel.CreateUnbounded<Func<Task>>();
    private int _httpFailures;

    public sealed class Journey(string borrower, string lender, string memberId, string isbn, string barcode)
    {
        public string Borrower { get; } = borrower;
        public string Lender { get; } = lender;
        public string MemberId { get; } = memberId;
        public string Isbn { get; } = isbn;
        public string Barcode { get; } = barcode;
        public string? Id { get; set; }
        public string Phase { get; set; } = "Placing";
        public long PlacedTicks { get; set; }
        public long CompletedTicks { get; set; }
        public string? Problem { get; set; }
    }

    public IReadOnlyCollection<Journey> Journeys => [.. _journeys.Values];
    public int HttpFailures => _httpFailures;

    /// <summary>Places all <paramref name="journeys"/> and drives them until each completes, fails or <paramref name="timeout"/> passes.</summary>
    public async Task<TimeSpan> RunAsync(IReadOnlyList<Journey> journeys, TimeSpan timeout, Action<string> progress)
    {
        var clock = Stopwatch.StartNew();
        var pool = Enumerable.Range(0, workers).Select(_ => Task.Run(WorkAsync)).ToList();
        var placing = new List<Journey>(journeys);
        foreach (var journey in journeys) await _work.Writer.WriteAsync(() => PlaceAsync(journey));
        var since = "0000";
        var lastReport = TimeSpan.Zero;
        var polls = 0;
        while (clock.Elapsed < timeout)
        {
            await Task.Delay(PollInterval);
            // Now and then everything again: a change missed by the windows below is seen late rather than never.
            if (++polls % 50 == 0) since = "0000";
            var pollStart = DateTimeOffset.UtcNow;
            var changes = await world.QueryAsync<Change>("""
                SELECT request_id AS RequestId, 'state' AS Kind, to_state AS Name, '' AS Status, '' AS StepId, at AS At FROM ibl_history WHERE at > @since
                UNION ALL
                SELECT request_id, 'step', kind, status, step_id, completed_at FROM ibl_steps WHERE completed_at > @since
                """, new { since });
            foreach (var change in changes.OrderBy(c => c.At, StringComparer.Ordinal)) await OnChangeAsync(change);
            // Re-read a little of the past each time: a transaction may commit a time stamp taken before the previous poll.
            since = IblClock.Format(pollStart - TimeSpan.FromSeconds(5));
            var done = _journeys.Values.Count(j => j.Phase is "Completed" or "Failed");
            if (clock.Elapsed - lastReport > TimeSpan.FromSeconds(10))
            {
                lastReport = clock.Elapsed;
                progress(string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds,6:F0} s: ") + string.Join(", ",
                    _journeys.Values.GroupBy(j => j.Phase).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"))
                    + $"; not yet placed {journeys.Count - _journeys.Count}");
            }
            if (done == journeys.Count) break;
        }
        _work.Writer.TryComplete();
        await Task.WhenAll(pool);
        return clock.Elapsed;
    }

    private async Task PlaceAsync(Journey journey)
    {
        using var client = world.Client(BenchWorld.LibraryKey(journey.Borrower));
        journey.PlacedTicks = Stopwatch.GetTimestamp();
        using var response = await client.PostAsJsonAsync("/api/v1/ibl/requests",
            new { requestingIsil = journey.Borrower, memberId = journey.MemberId, isbn = journey.Isbn, pickupLocation = journey.Borrower });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            journey.Phase = "Failed";
            journey.Problem = $"placing: {(int)response.StatusCode} {body}";
            Interlocked.Increment(ref _httpFailures);
            return;
        }
        journey.Id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
        journey.Phase = journey.Phase == "Placing" ? "Placed" : journey.Phase;
        _journeys[journey.Id] = journey;
    }

    private async Task OnChangeAsync(Change change)
    {
        if (!_journeys.TryGetValue(change.RequestId, out var j)) return;
        if (change.Kind == "state")
        {
            switch (change.Name)
            {
                case "SentToSupplier" when j.Phase == "Placed":
                    j.Phase = "Shipping";
                    await ActAsync(j, j.Lender, new { action = "WillSupply" }, new { action = "Shipped" });
                    break;
                case "LoanCompleted" when j.Phase != "Completed":
                    j.Phase = "Completed";
                    j.CompletedTicks = Stopwatch.GetTimestamp();
                    break;
                case "EndOfRota" or "Cancelled" or "InvalidPatron" when j.Phase != "Failed":
                    j.Phase = "Failed";
                    j.Problem = $"ended {change.Name}";
                    break;
            }
            return;
        }
        switch (change.Name, change.Status)
        {
            case ("LenderCheckOut", "Done") when j.Phase == "Shipping":
                j.Phase = "Receiving";
                await ActAsync(j, j.Borrower, new { action = "Received" });
                break;
            case ("CreateTemporaryItem", "Manual") when j.Phase == "Receiving":
                j.Phase = "ReceivingByHand";
                var stepId = change.StepId;
                await _work.Writer.WriteAsync(async () =>
                {
                    // What Brocade's staff do: the temporary copy, by hand, under the lender's barcode; then they say so.
                    world.Brocade.Control.AddCopy(new Simulators.Brocade.Control.CopyDraft
                    {
                        LibraryCode = world.Libraries[j.Borrower].LibraryId, Barcode = j.Barcode, Title = "Het boek van de leenketen", Material = "BK", Status = "A", LendableForIbl = false,
                    });
                    await PostAsync(j, j.Borrower, new { action = "ManualStepDone", stepId });
                });
                break;
            case ("BorrowerCheckOut", "Done") when j.Phase is "Receiving" or "ReceivingByHand":
                j.Phase = "Returning";
                await ActAsync(j, j.Borrower, new { action = "ShippedReturn" });
                break;
            case ("DeleteTemporaryItem", "Manual") when j.Phase == "Returning":
                j.Phase = "ReturningByHand";
                await ActAsync(j, j.Borrower, new { action = "ManualStepDone", stepId = change.StepId });
                break;
            case ("DeleteTemporaryItem", "Done") when j.Phase is "Returning" or "ReturningByHand":
                j.Phase = "CheckingIn";
                await ActAsync(j, j.Lender, new { action = "CheckedIn" });
                break;
            case (_, "Failed") when j.Phase != "Failed":
                j.Phase = "Failed";
                j.Problem = $"step {change.Name} failed";
                break;
        }
    }

    private ValueTask ActAsync(Journey j, string library, params object[] actions)
        => _work.Writer.WriteAsync(async () =>
        {
            foreach (var action in actions)
                if (!await PostAsync(j, library, action)) return;
        });

    private async Task<bool> PostAsync(Journey j, string library, object action)
    {
        using var client = world.Client(BenchWorld.LibraryKey(library));
        using var response = await client.PostAsJsonAsync($"/api/v1/ibl/requests/{j.Id}/actions", action);
        if (response.IsSuccessStatusCode) return true;
        Interlocked.Increment(ref _httpFailures);
        j.Phase = "Failed";
        j.Problem = $"{JsonSerializer.Serialize(action)}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        return false;
    }

    private async Task WorkAsync()
    {
        await foreach (var item in _work.Reader.ReadAllAsync())
        {
            try
            {
                await item();
            }
            catch (HttpRequestException e)
            {
                Interlocked.Increment(ref _httpFailures);
                Console.Error.WriteLine($"HTTP failure: {e.Message}");
            }
            catch (TaskCanceledException e)
            {
                Interlocked.Increment(ref _httpFailures);
                Console.Error.WriteLine($"HTTP timeout: {e.Message}");
            }
        }
    }

    private sealed class Change
    {
        public string RequestId { get; set; } = "";
        public string Kind { get; set; } = "";
        public string Name { get; set; } = "";
        public string Status { get; set; } = "";
        public string StepId { get; set; } = "";
        public string At { get; set; } = "";
    }
}
