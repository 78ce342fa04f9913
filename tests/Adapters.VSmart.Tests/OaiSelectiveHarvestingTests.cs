using System.Globalization;
using System.Xml.Linq;
using Lsb.Hub.Simulators.VSmart;
using Microsoft.Extensions.Time.Testing;

namespace Lsb.Hub.Adapters.VSmart.Tests;

/// <summary>
/// The simulator's OAI-PMH lists as a harvester uses them: <c>ListIdentifiers</c> (headers only, in pages, deleted
/// records as deleted headers) and selective harvesting by datestamp (<c>from</c>/<c>until</c>, both inclusive at the
/// granularity Identify declares). A fake clock dates each change, so every datestamp is known. Small pages
/// (ListRecords 2, ListIdentifiers 10) make every list span pages.
/// </summary>
public sealed class OaiSelectiveHarvestingTests : IAsyncLifetime
{
    private static readonly XNamespace Oai = "http://www.openarchives.org/OAI/2.0/";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private VSmartSimulatorHost _simulator = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private VSmartInstallationAccess Access => _simulator.Installations[0];

    private VSmartSimulatorControl Control => _simulator.Control;

    public async ValueTask InitializeAsync()
        => _simulator = await VSmartSimulator.StartAsync(new VSmartSimulatorOptions
        {
            BorrowersPerLibrary = 2, CopiesPerLibrary = 12, LoansPerLibrary = 1, OaiPageSize = 2, Time = _clock,
        });

    public async ValueTask DisposeAsync() => await _simulator.DisposeAsync();

    private Task<XDocument> AskAsync(string query) => VSmartHttp.OaiAsync(Access, query, Cancel);

    private static string? Error(XDocument answer) => answer.Root!.Element(Oai + "error")?.Attribute("code")?.Value;

    private static string Identifier(XElement header) => header.Element(Oai + "identifier")!.Value;

    private static string Datestamp(XElement header) => header.Element(Oai + "datestamp")!.Value;

    /// <summary>The repository identifier and the datestamp granularity Identify declares.</summary>
    private async Task<(string Repository, string Granularity)> IdentifyAsync()
    {
        var identify = (await AskAsync("verb=Identify")).Root!.Element(Oai + "Identify")!;
        return (identify.Descendants().Single(e => e.Name.LocalName == "repositoryIdentifier").Value, identify.Element(Oai + "granularity")!.Value);
    }

    /// <summary>A datestamp argument at a granularity Identify can declare (OAI-PMH 2.0 §3.3.2).</summary>
    private static string At(DateTimeOffset moment, string granularity) => granularity switch
    {
        "YYYY-MM-DDThh:mm:ssZ" => moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        "YYYY-MM-DD" => moment.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"Identify declares granularity '{granularity}', which OAI-PMH 2.0 does not define."),
    };

    /// <summary>
    /// Every header of a list, following resumption tokens to the end and checking each page on the way: no error,
    /// headers only for ListIdentifiers, <c>cursor</c> = headers sent before the page, the same <c>completeListSize</c> on
    /// every token and equal to what came, an empty token on the last page. noRecordsMatch gives no headers.
    /// </summary>
    private async Task<(List<XElement> Headers, int Pages)> ListAsync(string verb, string arguments)
    {
        var answer = await AskAsync($"verb={verb}&{arguments}");
        if (Error(answer) == "noRecordsMatch") return ([], 0);
        var headers = new List<XElement>();
        int? size = null;
        for (var pages = 1; ; pages++)
        {
            Assert.Null(Error(answer));
            var list = answer.Root!.Element(Oai + verb)!;
            if (verb == "ListIdentifiers")
            {
                Assert.Empty(list.Elements(Oai + "record"));
                Assert.Empty(answer.Descendants(Oai + "metadata"));
            }
            var sent = headers.Count;
            headers.AddRange(verb == "ListIdentifiers" ? list.Elements(Oai + "header") : list.Elements(Oai + "record").Select(r => r.Element(Oai + "header")!));
            var token = list.Element(Oai + "resumptionToken");
            if (token is null)
            {
                Assert.True(pages == 1, "Only a list complete in one answer may come without a resumption token.");
                return (headers, pages);
            }
            Assert.Equal(sent.ToString(CultureInfo.InvariantCulture), token.Attribute("cursor")?.Value);
            size ??= int.Parse(token.Attribute("completeListSize")!.Value, CultureInfo.InvariantCulture);
            Assert.Equal(size.Value.ToString(CultureInfo.InvariantCulture), token.Attribute("completeListSize")?.Value);
            if (token.Value.Length == 0)
            {
                Assert.Equal(size.Value, headers.Count);
                return (headers, pages);
            }
            answer = await AskAsync($"verb={verb}&resumptionToken={Uri.EscapeDataString(token.Value)}");
        }
    }

    private async Task<List<string>> IdentifiersAsync(string arguments)
        => [.. (await ListAsync("ListIdentifiers", "metadataPrefix=marcxml&" + arguments)).Headers.Select(Identifier)];

    /// <summary>A copy of a new title, catalogued at <paramref name="moment"/> by the fake clock.</summary>
    private SimulatedCopy CatalogueAt(DateTimeOffset moment, string title)
    {
        _clock.SetUtcNow(moment);
        return Control.AddCopy(Access.Name, "DRD", new CopyDraft { Title = title, Status = "AV" });
    }

    [Fact]
    public async Task ListIdentifiers_should_give_headers_only_in_pages_the_same_records_as_ListRecords_and_a_deleted_title_as_a_deleted_header()
    {
        var (repository, _) = await IdentifyAsync();
        var deleted = Control.AddTitle(Access.Name, "Per vergissing ingevoerd");
        Control.DeleteTitle(Access.Name, deleted);

        var (headers, pages) = await ListAsync("ListIdentifiers", "metadataPrefix=marcxml");
        Assert.True(pages > 1, $"{headers.Count} headers in {pages} page(s): the list should span pages of 10.");
        var identifiers = headers.Select(Identifier).ToList();
        Assert.Equal(identifiers.Count, identifiers.Distinct().Count());
        var gone = Assert.Single(headers, h => Identifier(h) == $"oai:{repository}:bib/{deleted}");
        Assert.Equal("deleted", gone.Attribute("status")?.Value);
        Assert.Empty(gone.Elements(Oai + "setSpec"));
        Assert.All(headers.Where(h => h != gone), h => Assert.Null(h.Attribute("status")));
        Assert.All(headers, h => Assert.Matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$", Datestamp(h)));
        var catalogued = Control.CollectionCopies(Access.Name).Select(c => $"oai:{repository}:bib/{c.TitleNumber}").ToHashSet(StringComparer.Ordinal);
        Assert.Subset(identifiers.ToHashSet(StringComparer.Ordinal), catalogued);

        var (records, _) = await ListAsync("ListRecords", "metadataPrefix=marcxml");
        Assert.Equal(records.Select(h => (Identifier(h), Datestamp(h), h.Attribute("status")?.Value)), headers.Select(h => (Identifier(h), Datestamp(h), h.Attribute("status")?.Value)));
    }

    [Fact]
    public async Task A_ListIdentifiers_token_should_give_the_same_page_again_and_be_refused_by_another_verb()
    {
        var first = await AskAsync("verb=ListIdentifiers&metadataPrefix=marcxml&set=library");
        var token = first.Descendants(Oai + "resumptionToken").Single().Value;
        Assert.NotEmpty(token);
        var again = await AskAsync("verb=ListIdentifiers&resumptionToken=" + Uri.EscapeDataString(token));
        var twice = await AskAsync("verb=ListIdentifiers&resumptionToken=" + Uri.EscapeDataString(token));
        Assert.NotEmpty(again.Descendants(Oai + "header"));
        Assert.Equal(again.Descendants(Oai + "header").Select(Identifier), twice.Descendants(Oai + "header").Select(Identifier));
        Assert.Empty(again.Descendants(Oai + "header").Select(Identifier).Intersect(first.Descendants(Oai + "header").Select(Identifier)));
        Assert.Equal("badResumptionToken", Error(await AskAsync("verb=ListRecords&resumptionToken=" + Uri.EscapeDataString(token))));
    }

    [Fact]
    public async Task Records_changed_within_a_from_until_window_should_be_listed_and_those_outside_not_with_until_inclusive_to_the_declared_granularity()
    {
        var (repository, granularity) = await IdentifyAsync();
        Assert.Equal("YYYY-MM-DDThh:mm:ssZ", granularity);
        string Id(SimulatedCopy copy) => $"oai:{repository}:bib/{copy.TitleNumber}";
        string Second(int h, int m, int s, int day = 1) => At(new DateTimeOffset(2026, 12, day, h, m, s, TimeSpan.Zero), granularity);
        var a = CatalogueAt(new DateTimeOffset(2026, 12, 1, 10, 0, 0, 300, TimeSpan.Zero), "Venster A");
        var b = CatalogueAt(new DateTimeOffset(2026, 12, 1, 10, 0, 5, 600, TimeSpan.Zero), "Venster B");
        var c = CatalogueAt(new DateTimeOffset(2026, 12, 1, 10, 0, 9, 0, TimeSpan.Zero), "Venster C");
        var d = CatalogueAt(new DateTimeOffset(2026, 12, 2, 0, 0, 0, 500, TimeSpan.Zero), "Venster D");

        // until names a whole second: a record changed at 10:00:05.600 is within until=10:00:05Z.
        var (window, _) = await ListAsync("ListIdentifiers", $"metadataPrefix=marcxml&from={Second(10, 0, 5)}&until={Second(10, 0, 5)}");
        Assert.Equal([Id(b)], window.Select(Identifier));
        Assert.Equal(Second(10, 0, 5), Datestamp(window[0]));
        Assert.Equal([Id(a), Id(b)], await IdentifiersAsync($"from={Second(10, 0, 0)}&until={Second(10, 0, 5)}"));
        Assert.Equal([Id(c), Id(d)], await IdentifiersAsync($"from={Second(10, 0, 6)}"));
        Assert.Equal("noRecordsMatch", Error(await AskAsync($"verb=ListIdentifiers&metadataPrefix=marcxml&from={Second(10, 0, 1)}&until={Second(10, 0, 4)}")));
        var untilFour = await IdentifiersAsync($"until={Second(10, 0, 4)}");
        Assert.Contains(Id(a), untilFour);
        Assert.DoesNotContain(Id(b), untilFour);
        Assert.True(untilFour.Count > 1, "The seeded records, dated before 2026-11-01, should be listed until 10:00:04 as well.");

        // Day granularity, which every repository MUST accept: until=2026-12-01 covers that whole day.
        Assert.Equal([Id(a), Id(b), Id(c)], await IdentifiersAsync("from=2026-12-01&until=2026-12-01"));
        Assert.Equal([Id(d)], await IdentifiersAsync("from=2026-12-02&until=2026-12-02"));

        // A record that changes takes the datestamp of the change: it leaves its old window and joins the new one.
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));
        Control.SetCopyStatus(Access.Name, a.ItemId, "MI");
        Assert.Equal([Id(b)], await IdentifiersAsync($"from={Second(10, 0, 0)}&until={Second(10, 0, 5)}"));
        Assert.Equal([Id(d), Id(a)], await IdentifiersAsync($"from={Second(0, 0, 0, day: 2)}"));
        var (records, _) = await ListAsync("ListRecords", $"metadataPrefix=marcxml&from={Second(0, 0, 0, day: 2)}&until={Second(8, 0, 0, day: 2)}");
        Assert.Equal([(Id(d), Second(0, 0, 0, day: 2)), (Id(a), Second(8, 0, 0, day: 2))], records.Select(h => (Identifier(h), Datestamp(h))));
    }

    [Fact]
    public async Task A_window_longer_than_a_page_should_keep_its_dates_through_the_resumption_tokens()
    {
        var (repository, granularity) = await IdentifyAsync();
        var start = new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);
        var before = CatalogueAt(start.AddMilliseconds(-1), "Net ervoor");
        _clock.SetUtcNow(start);
        Control.GenerateRecords(Access.Name, 25, "VNH", 1);
        var after = CatalogueAt(start.AddSeconds(1), "Net erna");

        var arguments = $"metadataPrefix=marcxml&from={At(start, granularity)}&until={At(start, granularity)}";
        var (headers, pages) = await ListAsync("ListIdentifiers", arguments);
        Assert.Equal(25, headers.Count);
        Assert.Equal(3, pages);
        Assert.All(headers, h => Assert.Equal(At(start, granularity), Datestamp(h)));
        var identifiers = headers.Select(Identifier).ToList();
        Assert.DoesNotContain($"oai:{repository}:bib/{before.TitleNumber}", identifiers);
        Assert.DoesNotContain($"oai:{repository}:bib/{after.TitleNumber}", identifiers);
        var (records, _) = await ListAsync("ListRecords", arguments);
        Assert.Equal(identifiers, records.Select(Identifier));
    }
}
