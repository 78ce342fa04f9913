using System.Net;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Lsb.Hub.Simulators.VSmart;

namespace Lsb.Hub.Adapters.VSmart.Tests;

/// <summary>The simulator's OAI-PMH 2.0 server, asked over HTTP the way any harvester asks it.</summary>
public sealed class OaiDialectTests(VSmartSimulatorFixture fixture) : IClassFixture<VSmartSimulatorFixture>
{
    private static readonly XNamespace Oai = "http://www.openarchives.org/OAI/2.0/";
    private static readonly XNamespace Marc = "http://www.loc.gov/MARC21/slim";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Task<XDocument> AskAsync(string query) => VSmartHttp.OaiAsync(fixture.Access, query, Cancel);

    private static string? Error(XDocument answer) => answer.Root!.Element(Oai + "error")?.Attribute("code")?.Value;

    [Fact]
    public async Task Identify_should_declare_persistent_deletions_second_granularity_and_the_oai_identifier_scheme()
    {
        var identify = (await AskAsync("verb=Identify")).Root!.Element(Oai + "Identify")!;
        Assert.Equal("2.0", identify.Element(Oai + "protocolVersion")!.Value);
        Assert.Equal("persistent", identify.Element(Oai + "deletedRecord")!.Value);
        Assert.Equal("YYYY-MM-DDThh:mm:ssZ", identify.Element(Oai + "granularity")!.Value);
        Assert.Equal("sandbox-vsmart.vsmart.test", identify.Descendants().Single(e => e.Name.LocalName == "repositoryIdentifier").Value);
    }

    [Fact]
    public async Task ListMetadataFormats_and_ListSets_should_offer_marcxml_oai_dc_holdings_and_a_set_per_library()
    {
        var formats = (await AskAsync("verb=ListMetadataFormats")).Descendants(Oai + "metadataPrefix").Select(e => e.Value);
        Assert.Equal(["marcxml", "oai_dc", "marcxml-holdings"], formats);
        var sets = (await AskAsync("verb=ListSets")).Descendants(Oai + "setSpec").Select(e => e.Value);
        Assert.Equal(["library", "library:DRD", "library:RVZ", "library:VNH"], sets);
    }

    [Theory]
    [InlineData("", "badVerb")]
    [InlineData("verb=Harvest", "badVerb")]
    [InlineData("verb=Identify&set=library", "badArgument")]
    [InlineData("verb=ListRecords&metadataPrefix=marcxml&metadataPrefix=oai_dc", "badArgument")]
    [InlineData("verb=ListRecords&metadataPrefix=marcxml&resumptionToken=x", "badArgument")]
    [InlineData("verb=ListRecords&metadataPrefix=marcxml&from=2026-01-01&until=2026-12-31T00:00:00Z", "badArgument")]
    [InlineData("verb=ListRecords&metadataPrefix=marcxml&from=2026-13-01", "badArgument")]
    [InlineData("verb=ListRecords", "badArgument")]
    [InlineData("verb=ListRecords&metadataPrefix=marc21", "cannotDisseminateFormat")]
    [InlineData("verb=ListRecords&metadataPrefix=marcxml&from=2099-01-01", "noRecordsMatch")]
    [InlineData("verb=ListRecords&metadataPrefix=marcxml&set=library:XYZ", "noRecordsMatch")]
    [InlineData("verb=ListIdentifiers&resumptionToken=garbage", "badResumptionToken")]
    [InlineData("verb=GetRecord&metadataPrefix=marcxml&identifier=oai:sandbox-vsmart.vsmart.test:bib/1", "idDoesNotExist")]
    [InlineData("verb=ListMetadataFormats&identifier=oai:elsewhere:1", "idDoesNotExist")]
    public async Task A_request_the_protocol_forbids_should_get_its_OAI_error_code(string query, string code)
        => Assert.Equal(code, Error(await AskAsync(query)));

    [Fact]
    public async Task A_bad_verb_answer_should_repeat_no_request_attributes()
    {
        var request = (await AskAsync("verb=Harvest&x=1")).Root!.Element(Oai + "request")!;
        Assert.Empty(request.Attributes());
        Assert.Equal(fixture.Access.OaiEndpoint.ToString(), request.Value);
    }

    [Fact]
    public async Task A_list_in_pages_should_carry_cursor_and_size_end_with_an_empty_token_and_give_each_record_once()
    {
        fixture.Simulator.Control.GenerateRecords(fixture.Access.Name, 30, "DRD", 1);
        var identifiers = new List<string>();
        var answer = await AskAsync("verb=ListRecords&metadataPrefix=marcxml&set=library:DRD");
        var size = int.Parse(answer.Descendants(Oai + "resumptionToken").Single().Attribute("completeListSize")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        var pages = 0;
        while (true)
        {
            pages++;
            var token = answer.Descendants(Oai + "resumptionToken").SingleOrDefault();
            if (token is not null) Assert.Equal(identifiers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), token.Attribute("cursor")!.Value);
            identifiers.AddRange(answer.Descendants(Oai + "header").Select(h => h.Element(Oai + "identifier")!.Value));
            if (token is null || token.Value.Length == 0) break;
            var again = await AskAsync("verb=ListRecords&resumptionToken=" + Uri.EscapeDataString(token.Value));
            var twice = await AskAsync("verb=ListRecords&resumptionToken=" + Uri.EscapeDataString(token.Value));
            Assert.Equal(again.Descendants(Oai + "identifier").Select(e => e.Value), twice.Descendants(Oai + "identifier").Select(e => e.Value));
            answer = again;
        }
        Assert.True(pages > 1, "The fixture's page size (25 records) should make this list span pages.");
        Assert.Equal(identifiers.Count, identifiers.Distinct().Count());
        Assert.True(identifiers.Count >= size, $"{identifiers.Count} identifiers, completeListSize {size}");
    }

    [Fact]
    public async Task A_record_should_be_MARCXML_valid_against_MARC21slim_with_its_copies_in_852_and_876_and_a_version_in_999()
    {
        var copy = fixture.Simulator.Control.AddCopy(fixture.Access.Name, "RVZ", new CopyDraft { Title = "De avonden", Author = "Gerard Reve", Isbn = "9789023466123", BranchCode = "RVZ02" });
        var answer = await AskAsync($"verb=GetRecord&metadataPrefix=marcxml&identifier=oai:sandbox-vsmart.vsmart.test:bib/{copy.TitleNumber}");
        var record = answer.Descendants(Marc + "record").Single();
        var schemas = new XmlSchemaSet { XmlResolver = null };
        using (var xsd = XmlReader.Create(Corpus.Path("xsd", "MARC21slim.xsd"), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }))
            schemas.Add(XmlSchema.Read(xsd, null)!);
        var errors = new List<string>();
        new XDocument(record).Validate(schemas, (_, e) => errors.Add(e.Message));
        Assert.Empty(errors);
        string? Sub(string tag, char code) => record.Elements(Marc + "datafield").FirstOrDefault(f => f.Attribute("tag")!.Value == tag)
            ?.Elements(Marc + "subfield").FirstOrDefault(s => s.Attribute("code")!.Value == code.ToString())?.Value;
        Assert.Equal(("RVZ", "RVZ02", copy.ItemId, copy.Barcode, "AV"), (Sub("852", 'a'), Sub("852", 'b'), Sub("876", 'a'), Sub("876", 'p'), Sub("876", 'j')));
        Assert.Equal(("9789023466123", "De avonden /", "Reve, Gerard"), (Sub("020", 'a'), Sub("245", 'a'), Sub("100", 'a')));
        Assert.Matches("^[0-9]+$", Sub("999", 'v'));
    }

    [Fact]
    public async Task A_holdings_record_should_have_leader_06_x_and_004_linking_its_bibliographic_record()
    {
        var copy = fixture.Simulator.Control.AddCopy(fixture.Access.Name, "VNH", new CopyDraft { MaterialCode = "BK", BranchCode = "VNH01" });
        var answer = await AskAsync($"verb=GetRecord&metadataPrefix=marcxml-holdings&identifier=oai:sandbox-vsmart.vsmart.test:holdings/{copy.TitleNumber}-VNH01");
        var record = answer.Descendants(Marc + "record").Single();
        Assert.Equal('x', record.Element(Marc + "leader")!.Value[6]);
        Assert.Equal(copy.TitleNumber, record.Elements(Marc + "controlfield").Single(c => c.Attribute("tag")!.Value == "004").Value);
        Assert.Contains(record.Descendants(Marc + "subfield"), s => s.Attribute("code")!.Value == "a" && s.Value == copy.ItemId);
        Assert.Equal("cannotDisseminateFormat", Error(await AskAsync($"verb=GetRecord&metadataPrefix=marcxml&identifier=oai:sandbox-vsmart.vsmart.test:holdings/{copy.TitleNumber}-VNH01")));
    }

    [Fact]
    public async Task A_deleted_title_should_stay_in_the_list_as_a_deleted_header_without_metadata()
    {
        var title = fixture.Simulator.Control.AddTitle(fixture.Access.Name, "Een titel zonder exemplaren");
        fixture.Simulator.Control.DeleteTitle(fixture.Access.Name, title);
        var answer = await AskAsync($"verb=GetRecord&metadataPrefix=marcxml&identifier=oai:sandbox-vsmart.vsmart.test:bib/{title}");
        var record = answer.Descendants(Oai + "record").Single();
        Assert.Equal("deleted", record.Element(Oai + "header")!.Attribute("status")?.Value);
        Assert.Null(record.Element(Oai + "metadata"));
    }

    [Fact]
    public async Task Dublin_Core_should_be_served_for_every_bibliographic_record()
    {
        var answer = await AskAsync("verb=ListRecords&metadataPrefix=oai_dc&set=library:DRD");
        XNamespace dc = "http://purl.org/dc/elements/1.1/";
        Assert.All(answer.Descendants(Oai + "metadata"), m => Assert.NotNull(m.Descendants(dc + "title").SingleOrDefault()));
    }

    [Fact]
    public async Task A_wrong_password_should_be_refused_with_401()
    {
        using var http = VSmartHttp.Client(fixture.Access, password: "wrong");
        using var response = await http.GetAsync(new Uri(fixture.Access.OaiEndpoint + "?verb=Identify"), Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Basic", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }
}
