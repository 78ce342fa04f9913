using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Lsb.Hub.Adapters.Wise.Dto;
using Lsb.Hub.Adapters.Wise.Reading;
using Lsb.Hub.Simulators.Wise;

namespace Lsb.Hub.Adapters.Wise.Tests;

/// <summary>The hand-written page reader reads what System.Text.Json reads into the same DTOs, record by record, and fails
/// where it fails (the adapter then reads the page record by record).</summary>
public sealed class WiseMutationPageReaderTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_page_the_simulator_serves_Should_read_as_the_serializer_reads_each_of_its_records()
    {
        await using var simulator = await WiseSimulator.StartAsync(new WiseSimulatorOptions { PatronsPerLibrary = 20, ItemsPerLibrary = 60, LoansPerLibrary = 15, Seed = 7 }, Cancel);
        var access = simulator.Installations[0];
        var library = access.Libraries[0].LibraryId;
        simulator.Control.Generate(access.Name, 3000, library);
        // A copy of another system taken in at the desk: a loan mutation without a loan ("vreemdExemplaar").
        Assert.Null(simulator.Control.TakeInAtDesk(access.Name, library, "9990000000001"));
        using var http = new HttpClient();
        var (items, loans, foreign) = (0, 0, 0);
        foreach (var page in await PagesAsync(http, access, $"/itemmanagement/library/{library}/itemmutations"))
        {
            var read = WiseMutationPageReader.Items(page);
            AssertSameAsSerializer(page, read, WiseJsonContext.Default.WiseItemMutation);
            items += read.Mutations.Count;
        }
        foreach (var page in await PagesAsync(http, access, $"/circulation/library/{library}/loanmutations"))
        {
            var read = WiseMutationPageReader.Loans(page);
            AssertSameAsSerializer(page, read, WiseJsonContext.Default.WiseLoanMutation);
            loans += read.Mutations.Count;
            foreign += read.Mutations.Count(m => m.ForeignItem is not null);
        }
        Assert.True(items > 1000 && loans > 1000, $"{items} item and {loans} loan mutations read");
        Assert.Equal(1, foreign);
    }

    public static TheoryData<string> OddItemRecords => new()
    {
        """{"mutatienummer":1,"mutatiedatum":"2026-11-20T12:00:00+01:00","exemplaar":{"exemplaarId":"1","titel":null,"auteur":"A"}}""",
        """{"mutatienummer":1,"mutatiedatum":"2026-11-20T12:00:00Z","exemplaar":{"\u0065xemplaarId":"1","ti\u0074el":"Zo\u00eb"}}""",
        """{"mutatienummer":1,"mutatiedatum":"2026-11-20T12:00:00Z","extra":{"a":[1,{"b":null}]},"exemplaar":{"exemplaarId":"1","nieuw":[true]}}""",
        """{"mutatienummer":1,"mutatiedatum":"2026-11-20T12:00:00Z","exemplaar":null}""",
        """{"mutatienummer":1,"mutatiedatum":"2026-11-20T12:00:00Z","exemplaar":{"exemplaarId":"1","titel":"a","titel":"b"}}""",
        """{"mutatienummer":1,"mutatiedatum":"2026-11-20T12:00:00Z","exemplaar":{"exemplaarId":null}}""",
        """{"mutatiedatum":"2026-11-20T12:00:00Z","exemplaar":{"exemplaarId":"1"}}""",
        // What the serializer refuses: the reader must refuse it too.
        """{"mutatienummer":1,"mutatiedatum":"2026-11-20T12:00:00Z","exemplaar":{"titel":"no id"}}""",
        """{"mutatienummer":1,"mutatiedatum":"2026-11-20T12:00:00Z","exemplaar":{"exemplaarId":"1","iblUitleenbaar":"ja"}}""",
        """{"mutatienummer":null,"mutatiedatum":"2026-11-20T12:00:00Z","exemplaar":{"exemplaarId":"1"}}""",
        """{"mutatienummer":"1","mutatiedatum":"2026-11-20T12:00:00Z","exemplaar":{"exemplaarId":"1"}}""",
        """{"mutatienummer":1.5,"mutatiedatum":"2026-11-20T12:00:00Z","exemplaar":{"exemplaarId":"1"}}""",
        """{"mutatienummer":1,"mutatiedatum":"20 november","exemplaar":{"exemplaarId":"1"}}""",
        """{"mutatienummer":1,"mutatiedatum":"2026-11-20T12:00:00Z","exemplaar":{"exemplaarId":1}}""",
        """{"mutatienummer":1,"mutatiedatum":"2026-11-20T12:00:00Z","exemplaar":[]}""",
        """{"mutatienummer":1,"mutatiedatum":"2026-11-20T12:00:00Z","exemplaar":{"exemplaarId":"1","tijdelijk":null}}""",
    };

    [Theory]
    [MemberData(nameof(OddItemRecords))]
    public void An_odd_item_record_Should_read_as_the_serializer_reads_it_or_fail_as_it_does(string record)
        => AssertLikeSerializer(record, WiseJsonContext.Default.WiseItemMutation, page => WiseMutationPageReader.Items(page));

    public static TheoryData<string> OddLoanRecords => new()
    {
        """{"mutatienummer":2,"mutatiedatum":"2026-11-20T12:00:00Z","uitlening":{"uitleningId":"9","exemplaarId":"5","patronSystemId":"1","inleverdatum":"2026-12-11","retourdatum":null,"verlengingen":2}}""",
        """{"mutatienummer":2,"mutatiedatum":"2026-11-20T12:00:00Z","uitlening":{"uitleningId":"9","exemplaarId":"5","patronSystemId":"1","inleverdatum":null,"retourdatum":"2026-11-21T09:00:00+01:00"}}""",
        """{"mutatienummer":2,"mutatiedatum":"2026-11-20T12:00:00Z","vreemdExemplaar":{"innameId":"t1","exemplaarnummer":"999","ingenomenOp":null}}""",
        """{"mutatienummer":2,"mutatiedatum":"2026-11-20T12:00:00Z","uitlening":null,"vreemdExemplaar":null}""",
        // What the serializer refuses.
        """{"mutatienummer":2,"mutatiedatum":"2026-11-20T12:00:00Z","uitlening":{"uitleningId":"9","exemplaarId":"5"}}""",
        """{"mutatienummer":2,"mutatiedatum":"2026-11-20T12:00:00Z","uitlening":{"uitleningId":"9","exemplaarId":"5","patronSystemId":"1","inleverdatum":"2026-12-1"}}""",
        """{"mutatienummer":2,"mutatiedatum":"2026-11-20T12:00:00Z","uitlening":{"uitleningId":"9","exemplaarId":"5","patronSystemId":"1","inleverdatum":"2026-12-11T00:00:00"}}""",
        """{"mutatienummer":2,"mutatiedatum":"2026-11-20T12:00:00Z","uitlening":{"uitleningId":"9","exemplaarId":"5","patronSystemId":"1","verlengingen":null}}""",
        """{"mutatienummer":2,"mutatiedatum":"2026-11-20T12:00:00Z","uitlening":{"uitleningId":"9","exemplaarId":"5","patronSystemId":"1","verlengingen":3000000000}}""",
        """{"mutatienummer":2,"mutatiedatum":"2026-11-20T12:00:00Z","vreemdExemplaar":{"innameId":"t1"}}""",
    };

    [Theory]
    [MemberData(nameof(OddLoanRecords))]
    public void An_odd_loan_record_Should_read_as_the_serializer_reads_it_or_fail_as_it_does(string record)
        => AssertLikeSerializer(record, WiseJsonContext.Default.WiseLoanMutation, page => WiseMutationPageReader.Loans(page));

    [Theory]
    [InlineData("""[]""")]
    [InlineData("""{"laatsteMutatienummer":3}""")]
    [InlineData("""{"mutaties":{},"laatsteMutatienummer":3}""")]
    [InlineData("""{"mutaties":[null],"laatsteMutatienummer":3}""")]
    [InlineData("""{"mutaties":[],"laatsteMutatienummer":"3"}""")]
    [InlineData("""{"mutaties":[]} {}""")]
    [InlineData("""{"mutaties":[""")]
    public void A_malformed_page_Should_be_refused(string page)
        => Assert.ThrowsAny<Exception>(() => WiseMutationPageReader.Items(Encoding.UTF8.GetBytes(page)));

    [Fact]
    public void A_page_Should_say_where_each_record_lies_and_which_mutation_is_the_feeds_newest()
    {
        var json = Encoding.UTF8.GetBytes("""{ "libraryId" : "5101", "mutaties" : [ {"mutatienummer":4,"exemplaar":{"exemplaarId":"a"}} ,{"mutatienummer":5,"exemplaar":{"exemplaarId":"b"}}], "laatsteMutatienummer" : 9 }""");
        var page = WiseMutationPageReader.Items(json);
        Assert.Equal(9, page.Newest);
        Assert.Equal(["""{"mutatienummer":4,"exemplaar":{"exemplaarId":"a"}}""", """{"mutatienummer":5,"exemplaar":{"exemplaarId":"b"}}"""],
            page.Records.Select(r => Encoding.UTF8.GetString(json.AsSpan()[r])));
        Assert.Equal(-1, WiseMutationPageReader.Items("""{"mutaties":[]}"""u8).Newest);
    }

    private static void AssertLikeSerializer<T>(string record, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type,
        Func<byte[], WiseMutationPageReader.Page<T>> read) where T : class
    {
        var page = Encoding.UTF8.GetBytes($$"""{"mutaties":[{{record}}],"laatsteMutatienummer":2}""");
        T? expected;
        try
        {
            expected = JsonSerializer.Deserialize(record, type);
        }
        catch (JsonException)
        {
            Assert.ThrowsAny<Exception>(() => read(page));
            return;
        }
        Assert.Equal(expected, Assert.Single(read(page).Mutations));
    }

    private static void AssertSameAsSerializer<T>(byte[] page, WiseMutationPageReader.Page<T> read, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        using var document = JsonDocument.Parse(page);
        Assert.Equal(document.RootElement.GetProperty("mutaties").GetArrayLength(), read.Mutations.Count);
        Assert.Equal(document.RootElement.GetProperty("laatsteMutatienummer").GetInt64(), read.Newest);
        for (var i = 0; i < read.Mutations.Count; i++)
            Assert.Equal(JsonSerializer.Deserialize(page.AsSpan()[read.Records[i]], type), read.Mutations[i]);
    }

    // Every page of a feed from the start, as the simulator serves it.
    private static async Task<List<byte[]>> PagesAsync(HttpClient http, WiseInstallationAccess access, string path)
    {
        var pages = new List<byte[]>();
        for (long after = 0; ;)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{access.Endpoint}{path}?after={after}&limit=1000");
            request.Headers.TryAddWithoutValidation("WISE_KEY", WiseKey.Compute(access.AppId, access.AppKey, DateTimeOffset.UtcNow));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await http.SendAsync(request, Cancel);
            response.EnsureSuccessStatusCode();
            var page = await response.Content.ReadAsByteArrayAsync(Cancel);
            using var document = JsonDocument.Parse(page);
            var mutations = document.RootElement.GetProperty("mutaties");
            if (mutations.GetArrayLength() == 0) return pages;
            pages.Add(page);
            after = mutations.EnumerateArray().Last().GetProperty("mutatienummer").GetInt64();
        }
    }
}
