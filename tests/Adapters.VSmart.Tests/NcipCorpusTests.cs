using Lsb.Hub.Adapters.VSmart.Ncip;
using Lsb.Hub.Canonical.Commands;

namespace Lsb.Hub.Adapters.VSmart.Tests;

/// <summary>
/// Every file in ../shared/corpus/ncip/ (responses written by other NCIP projects, NCIP 1 and 2) is read by the NCIP
/// client and lands on the right outcome. The table names every file: a file added to the corpus fails the test until
/// its expected outcome is written down.
/// </summary>
public sealed class NcipCorpusTests
{
    /// <summary>What each corpus file is: an NCIP response with its service and outcome, or not an NCIP response at all.</summary>
    public static TheoryData<string, string> Files => new()
    {
        { "lib-ncip-client/ncipOneAcceptItemXmlResponseExample.xml", "AcceptItem: success, request TNS-11423833, item 100556043-10" },
        { "lib-ncip-client/ncipOneCancelRequestItemXmlResponseExample.xml", "CancelRequestItem: success, request 12345" },
        { "lib-ncip-client/ncipOneCheckinItemXmlErrorResponseExample.xml", "CheckInItem: AlreadyDone (Item Not Checked Out)" },
        { "lib-ncip-client/ncipOneCheckinItemXmlResponseExample.xml", "CheckInItem: success, item 55531234752954, user LEH-TMP" },
        { "lib-ncip-client/ncipOneCheckoutItemXmlResponseExample.xml", "CheckOutItem: success, item 5555555025805, user TNSNOTREAL, due 2021-06-30T16:45:00Z" },
        { "lib-ncip-client/ncipOneLookupUserXmlResponseBlockedExample.xml", "LookupUser: user N55551212, blocked" },
        { "lib-ncip-client/ncipOneLookupUserXmlResponseExample.xml", "LookupUser: user N55551212, not blocked" },
        { "lib-ncip-client/ncipOneRequestItemXmlResponseExample.xml", "RequestItem: success, request 7355677, item 1669775-1001, user DEFAULT" },
        { "lib-ncip-client/ncipOneStructuredAndUnstructuredName.xml", "LookupUser: user share501, not blocked" },
        { "lib-ncip-client/ncipOneStructuredName.xml", "LookupUser: user share501, not blocked" },
        { "lib-ncip-client/ncipOneUnstructuredNameComma.xml", "LookupUser: user share501, not blocked" },
        { "lib-ncip-client/ncipOneUnstructuredNameSpaces.xml", "LookupUser: user share501, not blocked" },
        { "lib-ncip-client/ncipTwoRequestItem.xml", "RequestItem: success, request 99873b27-893f-4611-98bf-72a92a9a82c8, item 980001, user b4cee18d-f862-4ef1-95a5-879fdd619603" },
        { "lib-ncip-client/ncipTwoUnstructuredName.xml", "LookupUser: user reshare, not blocked" },
        { "crosslink-ncip_sample.xml", "not a response: an NCIP AcceptItem request" },
        { "lib-ncip-client/lightNcipRespone.json", "not a response: JSON" },
        { "lib-ncip-client/ncipOneLookupUserExampleResponse.json", "not a response: JSON" },
        { "lib-ncip-client/wmsLookupUserAuthNotWorking.json", "not a response: JSON" },
        { "lib-ncip-client/wmsLookupUserBlockedPatron.json", "not a response: JSON" },
        { "lib-ncip-client/wmsLookupUserExpired.json", "not a response: JSON" },
        { "lib-ncip-client/wmsLookupUserGoodPatron.json", "not a response: JSON" },
        { "lib-ncip-client/wmsLookupUserMissingPermissions.json", "not a response: JSON" },
        { "lib-ncip-client/wmsLookupUserNotFound.json", "not a response: JSON" },
        { "lib-ncip-client/wmsLookupUserUnableToHandle.json", "not a response: JSON" },
        { "lib-ncip-client/wmsLookupUserUnsupportedEndpoint.json", "not a response: JSON" },
        { "lib-ncip-client/wmsLookupUserUnsupportedMediaType.json", "not a response: JSON" },
    };

    [Fact]
    public void The_table_names_every_file_in_the_ncip_corpus()
    {
        var folder = Corpus.Path("ncip");
        var present = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        var listed = Files.Select(row => row.Data.Item1).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(present, listed);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_corpus_file_is_read_into_its_expected_outcome(string file, string expected)
        => Assert.Equal(expected, Describe(File.ReadAllText(Corpus.Path("ncip", file))));

    [Fact]
    public void A_blocked_patron_in_the_corpus_is_not_transient_and_a_refused_check_in_is_an_idempotent_success()
    {
        var blocked = NcipResponseReader.Parse(File.ReadAllText(Corpus.Path("ncip", "lib-ncip-client/ncipOneLookupUserXmlResponseBlockedExample.xml")), "corpus");
        Assert.True(blocked.IsBlocked);
        Assert.Equal("BLOCKED", blocked.Privilege("STATUS")?.Status);
        var error = NcipResponseReader.Parse(File.ReadAllText(Corpus.Path("ncip", "lib-ncip-client/ncipOneCheckinItemXmlErrorResponseExample.xml")), "corpus");
        var problem = Assert.Single(error.Problems);
        Assert.Equal("http://www.niso.org/ncip/v1_0/schemes/processingerrortype/checkinitemprocessingerror.scm", problem.Scheme);
        Assert.Equal("Item not on loan.", problem.Value);
        var result = NcipProblems.ToResult("CheckInItem", problem, "the check-in");
        Assert.True(result.IsSuccess);
    }

    /// <summary>The outcome of a file in the words of the table.</summary>
    private static string Describe(string text)
    {
        NcipResponse response;
        try
        {
            response = NcipResponseReader.Parse(text, "corpus");
        }
        catch (IlsProtocolException e) when (e.Message.Contains("JSON", StringComparison.Ordinal))
        {
            return "not a response: JSON";
        }
        catch (IlsProtocolException e) when (e.Message.Contains("request, not a response", StringComparison.Ordinal))
        {
            var service = e.Message.Split("NCIP ")[1].Split(' ')[0];
            return $"not a response: an NCIP {service} request";
        }
        if (response.IsProblem)
        {
            var result = NcipProblems.ToResult(response.Service, response.Problems[0], "the corpus message");
            return result.Outcome == CommandOutcome.Rejected
                ? $"{response.Service}: Rejected {result.Reason} ({response.Problems[0].Type})"
                : $"{response.Service}: {result.Outcome} ({response.Problems[0].Type})";
        }
        if (response.Service == "LookupUser")
            return $"{response.Service}: user {response.UserId}, {(response.IsBlocked ? "blocked" : "not blocked")}";
        var parts = new List<string> { "success" };
        if (response.RequestId is { } request) parts.Add($"request {request}");
        if (response.ItemId is { } item) parts.Add($"item {item}");
        if (response.UserId is { } user) parts.Add($"user {user}");
        if (response.DateDue is { } due) parts.Add($"due {due.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}");
        return $"{response.Service}: {string.Join(", ", parts)}";
    }
}
