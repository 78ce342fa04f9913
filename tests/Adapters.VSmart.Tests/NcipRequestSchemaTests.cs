using System.Xml.Linq;
using Lsb.Hub.Adapters.Contract;
using Lsb.Hub.Canonical.Commands;
using Lsb.Hub.Canonical.Identity;

namespace Lsb.Hub.Adapters.VSmart.Tests;

/// <summary>Every NCIP message the adapter sends validates against the NCIP 2.02 schema of the shared corpus (read in place).</summary>
public sealed class NcipRequestSchemaTests : IDisposable
{
    private readonly VSmartFaultFixture _stub = new();

    public void Dispose() => _stub.Dispose();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_message_for_every_canonical_command_validates_against_ncip_v2_02_xsd()
    {
        _stub.Behave(InstallationBehaviour.Normal);
        _stub.Ncip("", """<?xml version="1.0"?><NCIPMessage xmlns="http://www.niso.org/2008/ncip" version="x"><Problem><ProblemType>Unknown User</ProblemType></Problem></NCIPMessage>""");
        var adapter = _stub.CreateAdapter();
        var isil = Isil.Parse("NL-0852010000");
        var byId = new PatronRef(null, "200001", "21230000000001");
        var byCard = new PatronRef(null, null, "21230000000001");
        var copy = new ItemRef(null, "7000001", "3123000000001");
        var byBarcode = new ItemRef(null, null, "3123000000001");
        IlsCommand[] commands =
        [
            new LookupPatron { IdempotencyKey = "k1", Isil = isil, Patron = byId },
            new LookupPatron { IdempotencyKey = "k2", Isil = isil, Patron = byCard },
            new AuthenticatePatron { IdempotencyKey = "k3", Isil = isil, CardNumber = "21230000000001", Pin = "1234" },
            new PlaceHold { IdempotencyKey = "k4", Isil = isil, Patron = byId, Item = copy, PickupLocation = "NL-0852010001" },
            new PlaceHold { IdempotencyKey = "k5", Isil = isil, Patron = byCard, TitleId = "3000001" },
            new CancelHold { IdempotencyKey = "k6", Isil = isil, VendorRequestId = "600001", Patron = byId },
            new CheckOut { IdempotencyKey = "k7", Isil = isil, Patron = byId, Item = copy, DueAt = new DateTimeOffset(2026, 12, 20, 23, 59, 59, TimeSpan.FromHours(1)) },
            new CheckIn { IdempotencyKey = "k8", Isil = isil, Item = byBarcode },
            new RenewLoan { IdempotencyKey = "k9", Isil = isil, Patron = byId, Item = copy },
            new CreateTemporaryItem { IdempotencyKey = "k10", Isil = isil, Barcode = "IBL0001", Title = "De avonden", Author = "Reve, Gerard", OwningIsil = "NL-0851010000", Patron = byId, PickupLocation = "DRD02", ExternalRequestId = "ibl-1" },
            new DeleteTemporaryItem { IdempotencyKey = "k11", Isil = isil, Item = new ItemRef(null, "7000099", null) },
        ];
        foreach (var command in commands) await adapter.ExecuteAsync(command, Cancel);

        var sent = _stub.Server.LogEntries.Where(e => e.RequestMessage?.Path == VSmartCannedFeed.Base + "/ncip").Select(e => e.RequestMessage!.Body!).ToList();
        Assert.Equal(
            ["LookupUser", "LookupUser", "LookupUser", "RequestItem", "RequestItem", "CancelRequestItem", "CheckOutItem", "CheckInItem", "RenewItem", "AcceptItem", "DeleteItem"],
            sent.Select(body => XDocument.Parse(body).Root!.Elements().First().Name.LocalName));
        foreach (var body in sent)
        {
            var errors = NcipSchemaValidation.Errors(XDocument.Parse(body));
            Assert.True(errors.Count == 0, $"{string.Join("; ", errors)}\n{body}");
        }
    }

    [Fact]
    public async Task The_PIN_travels_only_inside_AuthenticationInput_and_never_in_the_result()
    {
        _stub.Behave(InstallationBehaviour.Normal);
        _stub.Ncip("LookupUser", """<?xml version="1.0"?><ns1:NCIPMessage xmlns:ns1="http://www.niso.org/2008/ncip" ns1:version="x"><ns1:LookupUserResponse><ns1:Problem><ns1:ProblemType>User Authentication Failed</ns1:ProblemType></ns1:Problem></ns1:LookupUserResponse></ns1:NCIPMessage>""");
        var result = await _stub.CreateAdapter().ExecuteAsync(
            new AuthenticatePatron { IdempotencyKey = "k", Isil = Isil.Parse("NL-0852010000"), CardNumber = "21230000000001", Pin = "98765" }, Cancel);
        Assert.Equal((CommandOutcome.Rejected, RejectionReason.InvalidCredentials), (result.Outcome, result.Reason));
        Assert.DoesNotContain("98765", result.Message ?? string.Empty, StringComparison.Ordinal);
        var body = XDocument.Parse(Assert.Single(_stub.Server.LogEntries).RequestMessage!.Body!);
        var pin = body.Descendants().Single(e => e.Name.LocalName == "AuthenticationInputType" && e.Value == "PIN").Parent!;
        Assert.Equal("98765", pin.Elements().First(e => e.Name.LocalName == "AuthenticationInputData").Value);
    }
}
