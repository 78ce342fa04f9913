using Lsb.Hub.Adapters.Contract;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Canonical.Installations;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Lsb.Hub.Adapters.Wise.Tests;

/// <summary>A WireMock.Net stub of a Wise installation, switchable between normal answers and faults; adapters with
/// a 1 s attempt timeout, 2 retries and a circuit that opens after 6 calls of which half failed.</summary>
public sealed class WiseFaultFixture : IIlsFaultFixture, IDisposable
{
    public const string AppId = "LSB-HUB-TEST";
    public const string AppKey = "fault-stub-app-key";

    private readonly WiseAdapterHost _host = new(new Dictionary<string, string?>
    {
        ["Adapters:Wise:AttemptTimeout"] = "00:00:01",
        ["Adapters:Wise:MaxRetryAttempts"] = "2",
        ["Adapters:Wise:RetryBaseDelay"] = "00:00:00.010",
        ["Adapters:Wise:CircuitMinimumThroughput"] = "6",
        ["Adapters:Wise:CircuitFailureRatio"] = "0.5",
        ["Adapters:Wise:CircuitSamplingDuration"] = "00:00:30",
        ["Adapters:Wise:CircuitBreakDuration"] = "00:00:30",
    });

    public WiseFaultFixture()
    {
        Server = WireMockServer.Start();
        Installation = new InstallationDescriptor(InstallationId.Parse("sandbox-wise"), Vendor.Wise, new Uri(Server.Url + WiseCannedFeed.Base),
            "fault-stub", [new LibraryRef(Isil.Parse("NL-0851010000"), "5101", "Bibliotheek Lindendal")]);
        _host.Credentials.Set("fault-stub", AppId, AppKey);
        Behave(InstallationBehaviour.Normal);
        WarmUp();
    }

    public WireMockServer Server { get; }

    public InstallationDescriptor Installation { get; }

    public int NormalChangeCount => WiseCannedFeed.ChangeCount;

    public IIlsAdapter CreateAdapter() => _host.Factory.Create(Installation);

    public void Behave(InstallationBehaviour behaviour)
    {
        Server.ResetMappings();
        Server.ResetLogEntries();
        var anything = Request.Create().WithPath(new WildcardMatcher("/*")).UsingAnyMethod();
        switch (behaviour)
        {
            case InstallationBehaviour.Normal:
                Json("/library", "GET", WiseCannedFeed.Libraries);
                Json("/patronmanagement/patron/library/5101/updatedpatron", "GET", WiseCannedFeed.UpdatedPatrons);
                Json("/patronmanagement/patron/library/5101/patroninformation", "POST", WiseCannedFeed.PatronInformation);
                Json("/patronmanagement/patron/library/5101/deletedpatron", "GET", WiseCannedFeed.DeletedPatrons);
                Json("/itemmanagement/library/5101/itemmutations", "GET", WiseCannedFeed.ItemMutations);
                Json("/circulation/library/5101/loanmutations", "GET", WiseCannedFeed.LoanMutations);
                break;
            case InstallationBehaviour.ServerErrors:
                Server.Given(anything).RespondWith(Response.Create().WithStatusCode(500)
                    .WithHeader("Content-Type", "application/json").WithBody("""{"status":500,"errorCode":"INTERNAL_ERROR","errorMessage":"Database unavailable"}"""));
                break;
            case InstallationBehaviour.Hangs:
                Server.Given(anything).RespondWith(Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromSeconds(4))
                    .WithHeader("Content-Type", "application/json").WithBody("{}"));
                break;
            case InstallationBehaviour.MalformedAnswers:
                Server.Given(anything).RespondWith(Response.Create().WithStatusCode(200)
                    .WithHeader("Content-Type", "application/json").WithBody("""{"totalCount":2,"patrons":[{"patronSystemId":"100001","lastMod"""));
                break;
            case InstallationBehaviour.RefusesCredentials:
                Server.Given(anything).RespondWith(Response.Create().WithStatusCode(401)
                    .WithHeader("Content-Type", "application/json").WithBody("""{"status":401,"errorCode":"INVALID_WISE_KEY","errorMessage":"The WISE_KEY is invalid or has expired."}"""));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(behaviour), behaviour, "Unknown behaviour.");
        }
    }

    /// <summary>Normal answers, but the item mutation feed answers <paramref name="body"/>.</summary>
    public void ServeItemMutations(string body)
    {
        Behave(InstallationBehaviour.Normal);
        Json("/itemmanagement/library/5101/itemmutations", "GET", body);
    }

    /// <summary>Normal answers, but the loan mutation feed answers <paramref name="body"/>.</summary>
    public void ServeLoanMutations(string body)
    {
        Behave(InstallationBehaviour.Normal);
        Json("/circulation/library/5101/loanmutations", "GET", body);
    }

    /// <summary>How many requests reached the stub for a path below the API base.</summary>
    public int RequestsTo(string path) => Server.LogEntries.Count(e => e.RequestMessage?.Path == WiseCannedFeed.Base + path);

    public void Dispose()
    {
        Server.Stop();
        Server.Dispose();
        _host.Dispose();
    }

    /// <summary>A cold WireMock server can take longer than the adapter's timeout to answer its first request.</summary>
    private void WarmUp()
    {
        using var http = new HttpClient();
        using var response = http.GetAsync(new Uri(Server.Url + WiseCannedFeed.Base + "/library")).GetAwaiter().GetResult();
        Server.ResetLogEntries();
    }

    private void Json(string path, string method, string body)
        => Server.Given(Request.Create().WithPath(WiseCannedFeed.Base + path).UsingMethod(method))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body));
}
