using Lsb.Hub.Tests.Infrastructure;

namespace Lsb.Hub.Tests.Ibl;

/// <summary>Interlibrary loan end to end between the vendors' systems: request, supply, receive, loan, return, completed.</summary>
public abstract class IblLifecycleTests(TestBackend backend) : IAsyncLifetime
{
    private IblWorld _world = null!;

    public async ValueTask InitializeAsync() => _world = await IblWorld.StartAsync(backend);

    public async ValueTask DisposeAsync()
    {
        if (_world is not null) await _world.DisposeAsync();
    }

    [Fact]
    public async Task When_a_member_borrows_from_another_vendors_library_Should_go_from_request_to_completed_loan_for_every_vendor_pair()
    {
        // Borrower → lender, concurrently, through one hub.
        var journeys = new[]
        {
            IblJourney.RunAsync(_world, "NL-0851010000", "NL-0852010000"), // Wise → V-smart
            IblJourney.RunAsync(_world, "NL-0852020000", "NL-0853010000"), // V-smart → Brocade
            IblJourney.RunAsync(_world, "NL-0853020000", "NL-0851020000"), // Brocade → Wise
            IblJourney.RunAsync(_world, "NL-0851010000", "NL-0853010000"), // Wise → Brocade
            IblJourney.RunAsync(_world, "NL-0851030000", "NL-0851020000"), // Wise → Wise (one installation)
        };
        await Task.WhenAll(journeys);
    }
}

public sealed class IblLifecycleTests_on_Sqlite() : IblLifecycleTests(TestBackend.Sqlite);

public sealed class IblLifecycleTests_on_Postgres() : IblLifecycleTests(TestBackend.Postgres);
