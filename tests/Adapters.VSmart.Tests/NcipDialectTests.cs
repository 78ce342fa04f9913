using System.Xml.Linq;
using Lsb.Hub.Adapters.VSmart.Ncip;
using Lsb.Hub.Canonical.Commands;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Simulators.VSmart;
using static Lsb.Hub.Adapters.VSmart.Ncip.NcipRequests;

namespace Lsb.Hub.Adapters.VSmart.Tests;

/// <summary>
/// The simulator's NCIP 2.02 server over HTTP: the answers it gives (each valid against ncip_v2_02.xsd), read the way
/// the adapter reads them, and what the adapter makes of them. A blocked borrower is made through the control API, as
/// library staff block one.
/// </summary>
public sealed class NcipDialectTests(VSmartSimulatorFixture fixture) : IClassFixture<VSmartSimulatorFixture>
{
    private const string Library = VSmartSimulatorFixture.Library;
    private const string Hub = "LSB-HUB";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private VSmartInstallationAccess Access => fixture.Access;

    private VSmartSimulatorControl Control => fixture.Simulator.Control;

    private Isil LibraryIsil => Isil.Parse(Access.Libraries.Single(l => l.LibraryId == Library).Isil);

    private long NcipMessages => Control.Statistics(Access.Name).NcipMessages;

    /// <summary>Sends a message; the answer MUST validate against the schema. Returns it and the service response in it.</summary>
    private async Task<(string Text, XElement Response)> AskAsync(XElement message)
    {
        var text = await VSmartHttp.NcipAsync(Access, message, Cancel);
        var document = XDocument.Parse(text);
        var errors = NcipSchemaValidation.Errors(document);
        Assert.True(errors.Count == 0, $"The simulator's answer does not validate against ncip_v2_02.xsd: {string.Join("; ", errors)}\n{text}");
        return (text, document.Root!.Elements().Single());
    }

    private static string? Value(XElement? element, params string[] path)
    {
        foreach (var name in path) element = element?.Element(N + name);
        return element?.Value;
    }

    private SimulatedBorrower Borrower(string status)
        => Control.AddBorrower(Access.Name, Library, new BorrowerDraft { Status = status, Category = "01", BranchCode = "DRD01" });

    private SimulatedCopy Copy(CopyDraft? draft = null)
        => Control.AddCopy(Access.Name, Library, (draft ?? new CopyDraft()) with { Status = "AV", Policy = "IBL", BranchCode = draft?.BranchCode ?? "DRD01" });

    [Fact]
    public async Task When_a_blocked_borrower_checks_out_The_answer_should_be_the_Problem_User_Blocked_and_nothing_should_be_lent()
    {
        var borrower = Borrower("BL");
        var copy = Copy();
        var (_, response) = await AskAsync(Message("CheckOutItem", Hub, Library,
            UserId(Library, "Institution Id Number", borrower.BorrowerId), ItemId(Library, "Item Id", copy.ItemId)));

        Assert.Equal(N + "CheckOutItemResponse", response.Name);
        var problem = response.Element(N + "Problem")!;
        Assert.Equal("User Blocked", Value(problem, "ProblemType"));
        Assert.Equal("http://www.niso.org/ncip/v1_0/schemes/processingerrortype/checkoutitemprocessingerror.scm",
            problem.Element(N + "ProblemType")!.Attribute(N + "Scheme")?.Value);
        Assert.Equal(("UserIdentifierValue", borrower.BorrowerId), (Value(problem, "ProblemElement"), Value(problem, "ProblemValue")));
        Assert.Null(response.Element(N + "DateDue"));
        Assert.Equal("AV", Control.FindCopy(Access.Name, copy.ItemId)!.Status);
    }

    [Fact]
    public async Task When_a_borrower_is_blocked_The_adapter_should_reject_check_out_hold_and_renewal_as_PatronBlocked_sending_each_once()
    {
        var adapter = fixture.CreateAdapter();
        var borrower = Borrower("OK");
        var lent = Copy();
        Control.CheckOut(Access.Name, lent.ItemId, borrower.BorrowerId);
        Control.UpdateBorrower(Access.Name, borrower.BorrowerId, new BorrowerUpdate { Status = "BL" });
        var wanted = Copy();
        var patron = new PatronRef(null, borrower.BorrowerId, borrower.CardNumber);
        IlsCommand[] commands =
        [
            new CheckOut { IdempotencyKey = "blocked-checkout", Isil = LibraryIsil, Patron = patron, Item = new ItemRef(null, wanted.ItemId, wanted.Barcode) },
            new PlaceHold { IdempotencyKey = "blocked-hold", Isil = LibraryIsil, Patron = patron, TitleId = wanted.TitleNumber },
            new RenewLoan { IdempotencyKey = "blocked-renewal", Isil = LibraryIsil, Patron = patron, Item = new ItemRef(null, lent.ItemId, lent.Barcode) },
        ];
        foreach (var command in commands)
        {
            var sent = NcipMessages;
            var result = await adapter.ExecuteAsync(command, Cancel);
            Assert.True((result.Outcome, result.Reason) == (CommandOutcome.Rejected, RejectionReason.PatronBlocked), $"{command.GetType().Name}: {result.Outcome} {result.Reason} {result.Message}");
            Assert.Equal("User Blocked", result.RawStatus);
            Assert.Contains("retrying will not help", result.Message, StringComparison.Ordinal);
            Assert.Equal(sent + 1, NcipMessages);
        }
        Assert.Equal("AV", Control.FindCopy(Access.Name, wanted.ItemId)!.Status);
        Assert.DoesNotContain(Control.Requests(Access.Name), r => r.BorrowerId == borrower.BorrowerId);

        var standing = await adapter.ExecuteAsync(new LookupPatron { IdempotencyKey = "blocked-lookup", Isil = LibraryIsil, Patron = patron }, Cancel);
        Assert.True(standing.Outcome == CommandOutcome.Succeeded, standing.Message);
        Assert.Equal(Canonical.Members.MemberStatus.Blocked, standing.Patron?.Status);
    }

    [Fact]
    public async Task LookupItem_of_a_copy_should_give_its_id_title_circulation_status_call_number_location_due_date_and_borrower()
    {
        var borrower = Borrower("OK");
        var copy = Copy(new CopyDraft { Title = "De avonden", Author = "Gerard Reve", Isbn = "9789023466123", BranchCode = "DRD02" });
        var loan = Control.CheckOut(Access.Name, copy.ItemId, borrower.BorrowerId);
        var (text, response) = await AskAsync(Message("LookupItem", Hub, Library, ItemId(Library, "Barcode", copy.Barcode),
            E("ItemElementType", "Bibliographic Description"), E("ItemElementType", "Circulation Status"), E("ItemElementType", "Item Description"),
            E("ItemElementType", "Location")));

        Assert.Null(response.Element(N + "Problem"));
        Assert.Equal(copy.ItemId, Value(response, "ItemId", "ItemIdentifierValue"));
        Assert.Equal(borrower.BorrowerId, Value(response, "ItemTransaction", "CurrentBorrower", "UserId", "UserIdentifierValue"));
        var fields = response.Element(N + "ItemOptionalFields")!;
        Assert.Equal(("De avonden", "9789023466123", copy.TitleNumber),
            (Value(fields, "BibliographicDescription", "Title"), Value(fields, "BibliographicDescription", "BibliographicItemId", "BibliographicItemIdentifier"),
             Value(fields, "BibliographicDescription", "BibliographicRecordId", "BibliographicRecordIdentifier")));
        Assert.Equal("On Loan", Value(fields, "CirculationStatus"));
        var due = DateTimeOffset.Parse(Value(fields, "DateDue")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((loan.DueDate, new TimeOnly(23, 59, 59)), (DateOnly.FromDateTime(due.DateTime), TimeOnly.FromDateTime(due.DateTime)));
        var levels = fields.Element(N + "Location")!.Descendants(N + "LocationNameInstance")
            .ToDictionary(l => Value(l, "LocationNameLevel")!, l => Value(l, "LocationNameValue"));
        Assert.Equal((Library, "DRD02"), (levels["1"], levels["2"]));

        // The call number and department are those of the copy's 852 in the OAI-PMH record.
        var record = await VSmartHttp.OaiAsync(Access, $"verb=GetRecord&metadataPrefix=marcxml&identifier=oai:{Access.Name}.vsmart.test:bib/{copy.TitleNumber}", Cancel);
        XNamespace marc = "http://www.loc.gov/MARC21/slim";
        var holding = record.Descendants(marc + "datafield").Single(f => f.Attribute("tag")!.Value == "852"
            && f.Elements(marc + "subfield").Any(s => s.Attribute("code")!.Value == "b" && s.Value == "DRD02"));
        string Sub(char code) => holding.Elements(marc + "subfield").Single(s => s.Attribute("code")!.Value == code.ToString()).Value;
        Assert.Equal((Sub('h'), Sub('c')), (Value(fields, "ItemDescription", "CallNumber"), levels["3"]));

        var read = NcipResponseReader.Parse(text, "the simulator");
        Assert.Equal(("LookupItem", false, copy.ItemId), (read.Service, read.IsProblem, read.ItemId));
    }

    [Fact]
    public async Task LookupItem_of_a_copy_on_the_shelf_should_say_available_with_no_borrower_and_no_due_date()
    {
        var copy = Copy();
        var (_, response) = await AskAsync(Message("LookupItem", Hub, Library, ItemId(Library, "Item Id", copy.ItemId)));
        Assert.Equal(copy.ItemId, Value(response, "ItemId", "ItemIdentifierValue"));
        Assert.Equal("Available On Shelf", Value(response, "ItemOptionalFields", "CirculationStatus"));
        Assert.Null(response.Element(N + "ItemTransaction"));
        Assert.Null(Value(response, "ItemOptionalFields", "DateDue"));
    }

    [Theory]
    [InlineData("Item Id", "7999999")]
    [InlineData("Barcode", "3999000000000")]
    public async Task LookupItem_of_an_unknown_copy_should_be_the_Problem_Unknown_Item_which_the_adapter_reads_as_ItemUnknown(string type, string value)
    {
        var (text, response) = await AskAsync(Message("LookupItem", Hub, Library, ItemId(Library, type, value)));

        var problem = response.Element(N + "Problem")!;
        Assert.Equal("Unknown Item", Value(problem, "ProblemType"));
        Assert.Equal("http://www.niso.org/ncip/v1_0/schemes/processingerrortype/lookupitemprocessingerror.scm",
            problem.Element(N + "ProblemType")!.Attribute(N + "Scheme")?.Value);
        Assert.Equal(("ItemIdentifierValue", value), (Value(problem, "ProblemElement"), Value(problem, "ProblemValue")));
        Assert.Null(response.Element(N + "ItemOptionalFields"));

        var read = NcipResponseReader.Parse(text, "the simulator");
        Assert.Equal(("LookupItem", true), (read.Service, read.IsProblem));
        var result = NcipProblems.ToResult(read.Service, read.Problems[0], "the item lookup");
        Assert.Equal((CommandOutcome.Rejected, RejectionReason.ItemUnknown), (result.Outcome, result.Reason));
    }
}
