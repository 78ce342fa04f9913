using Lsb.Hub.Tests.CustomerView.Support;
using Lsb.Hub.Tests.Infrastructure;

namespace Lsb.Hub.Tests.CustomerView;

/// <summary>Memberships become one person by national user id or card number as members arrive — never by name.</summary>
public abstract class PersonLinkingTests(TestBackend backend) : IAsyncLifetime
{
    private const string A = "NL-0861010000";
    private const string B = "NL-0871010000";
    private CustomerHub _hub = null!;

    public async ValueTask InitializeAsync() => _hub = await CustomerHub.StartAsync(backend);

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null) await _hub.DisposeAsync();
    }

    [Fact]
    public async Task When_two_installations_send_the_same_card_number_Should_link_the_memberships_into_one_person()
    {
        var a = await _hub.AddMemberAsync("ils-a", _hub.Member("1", A, "2999001000001", birthDate: new DateOnly(1990, 1, 2)));
        var b = await _hub.AddMemberAsync("ils-b", _hub.Member("1", B, "2999001000001", birthDate: new DateOnly(1990, 1, 2)));
        Assert.Equal(await _hub.PersonOfAsync(a), await _hub.PersonOfAsync(b));
        Assert.StartsWith("psn-", await _hub.PersonOfAsync(a), StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_card_numbers_match_but_the_birth_dates_differ_Should_keep_two_persons()
    {
        var a = await _hub.AddMemberAsync("ils-a", _hub.Member("1", A, "2999001000002", birthDate: new DateOnly(1990, 1, 2)));
        var b = await _hub.AddMemberAsync("ils-b", _hub.Member("1", B, "2999001000002", birthDate: new DateOnly(1961, 7, 30)));
        Assert.NotEqual(await _hub.PersonOfAsync(a), await _hub.PersonOfAsync(b));
    }

    [Fact]
    public async Task When_only_the_names_match_Should_keep_two_persons()
    {
        var a = await _hub.AddMemberAsync("ils-a", _hub.Member("1", A, "2999001000003", familyName: "Verbeek", birthDate: new DateOnly(1990, 1, 2)));
        var b = await _hub.AddMemberAsync("ils-b", _hub.Member("1", B, "2999001000004", familyName: "Verbeek", birthDate: new DateOnly(1990, 1, 2)));
        Assert.NotEqual(await _hub.PersonOfAsync(a), await _hub.PersonOfAsync(b));
    }

    [Fact]
    public async Task When_national_user_ids_are_equal_Should_link_and_when_they_differ_Should_not_even_with_the_same_card()
    {
        var a = await _hub.AddMemberAsync("ils-a", _hub.Member("1", A, "2999001000005", nationalUserId: "NUID-1"));
        var b = await _hub.AddMemberAsync("ils-b", _hub.Member("1", B, "2999001000777", nationalUserId: "NUID-1"));
        var c = await _hub.AddMemberAsync("ils-c", _hub.Member("1", "NL-0881010000", "2999001000005", nationalUserId: "NUID-2"));
        Assert.Equal(await _hub.PersonOfAsync(a), await _hub.PersonOfAsync(b));
        Assert.NotEqual(await _hub.PersonOfAsync(a), await _hub.PersonOfAsync(c));
        Assert.Equal("national-user-id", await _hub.ScalarAsync<string>("SELECT linked_by FROM member_persons WHERE member_id = @a", new { a }));
    }

    [Fact]
    public async Task When_a_card_number_changes_Should_split_the_membership_off_and_keep_the_person_id_on_the_rest()
    {
        var a = await _hub.AddMemberAsync("ils-a", _hub.Member("1", A, "2999001000008"));
        var b = await _hub.AddMemberAsync("ils-b", _hub.Member("1", B, "2999001000008"));
        var c = await _hub.AddMemberAsync("ils-c", _hub.Member("1", "NL-0881010000", "2999001000008"));
        var person = await _hub.PersonOfAsync(a);

        await _hub.IngestAsync("ils-c", _hub.Member("1", "NL-0881010000", "2999001000999"));

        Assert.Equal(person, await _hub.PersonOfAsync(a));
        Assert.Equal(person, await _hub.PersonOfAsync(b));
        Assert.NotEqual(person, await _hub.PersonOfAsync(c));
        Assert.Equal("own", await _hub.ScalarAsync<string>("SELECT linked_by FROM member_persons WHERE member_id = @c", new { c }));
    }

    [Fact]
    public async Task When_members_were_stored_before_they_had_person_links_Should_link_them_at_the_next_start()
    {
        await using var kept = new KeptStorage(backend);
        string a, b;
        await using (var first = await CustomerHub.StartAsync(backend, kept.Settings()))
        {
            a = await first.AddMemberAsync("ils-a", first.Member("1", A, "2999001000010"));
            b = await first.AddMemberAsync("ils-b", first.Member("1", B, "2999001000010"));
            await first.ScalarAsync<long>("DELETE FROM member_persons");
        }

        await using var second = await CustomerHub.StartAsync(backend, kept.Settings());
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await second.ScalarAsync<long>("SELECT COUNT(*) FROM member_persons") < 2 && DateTime.UtcNow < deadline) await Task.Delay(100);

        Assert.NotNull(await second.PersonOfAsync(a));
        Assert.Equal(await second.PersonOfAsync(a), await second.PersonOfAsync(b));
    }
}

public sealed class PersonLinkingTests_on_Sqlite() : PersonLinkingTests(TestBackend.Sqlite);

[Collection(Lsb.Hub.Tests.CustomerView.Support.PostgresCustomerViewCollection.Name)]
public sealed class PersonLinkingTests_on_Postgres() : PersonLinkingTests(TestBackend.Postgres);
