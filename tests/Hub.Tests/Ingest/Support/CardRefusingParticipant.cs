using Lsb.Hub.Canonical.Events;
using Lsb.Hub.Ingest;

namespace Lsb.Hub.Tests.Ingest.Support;

/// <summary>
/// A fault-injecting <see cref="IIngestParticipant"/>: it throws inside the page's transaction (so nothing of the page
/// commits) the first <paramref name="refusals"/> times it sees the member with card <paramref name="cardNumber"/>,
/// and lets every other page, and that member afterwards, through unchanged.
/// </summary>
public sealed class CardRefusingParticipant(string cardNumber, int refusals) : IIngestParticipant
{
    private int _seen;

    /// <summary>What the participant throws: the reason a failed message MUST carry.</summary>
    public string Reason { get; } = $"Refused by the test: the page holds the member with card {cardNumber}";

    /// <summary>How many times a page holding the member reached the participant (refused or let through).</summary>
    public int Seen => Volatile.Read(ref _seen);

    public Task<IReadOnlyList<CanonicalEvent>> ApplyAsync(IngestParticipation participation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(participation);
        if (participation.Members.Any(m => m.Snapshot.CardNumber == cardNumber) && Interlocked.Increment(ref _seen) <= refusals)
            throw new InvalidOperationException(Reason);
        return Task.FromResult<IReadOnlyList<CanonicalEvent>>([]);
    }
}
