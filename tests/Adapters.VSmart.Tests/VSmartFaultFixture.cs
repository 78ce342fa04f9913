using Lsb.Hub.Adapters.Contract;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Canonical.Installations;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Lsb.Hub.Adapters.VSmart.Tests;

/// <summary>A WireMock.Net stub of a V-smart installation (OAI-PMH, web services, NCIP), switchable between normal answers
/// and faults; adapters with a 1 s attempt timeout, 2 retries and a circuit that opens after 6 calls of which half failed.</summary>
public sealed class VSmartFaultFixture : IIlsFaultFixture, IDisposable
{
    public const string Username = "lsb-hub";
    public const string Password = "fault-stub-password";

    private readonly VSmartAdapterHost _host = new(new Dictionary<string, string?>
    {
        ["Adapters:VSmart:AttemptTimeout"] = "00:00:01",
        ["Adapters:VSmart:MaxRetryAttempts"] = "2",
        ["Adapters:VSmart:RetryBaseDelay"] = "00:00:00.010",
        ["Adapters:VSmart:CircuitMinimumThroughput"] = "6",
        ["Adapters:VSmart:CircuitFailureRatio"] = "0.5",
        ["Adapters:VSmart:CircuitSamplingDuration"] = "00:00:30",
        ["Adapters:VSmart:CircuitBreakDuration"] = "00:00:30",
    });

    public VSmartFaultFixture()
    {
        Server = WireMockServer.Start();
        Installation = new InstallationDescriptor(InstallationId.Parse("sandbox-vsmart"), Vendor.VSmart, new Uri(Server.Url + VSmartCannedFeed.Base + "/"),
            "fault-stub", [new LibraryRef(Isil.Parse("NL-0852010000"), "DRD", "Bibliotheek Duinrand")]);
        _host.Credentials.Set("fault-stub", Username, Password);
        Behave(InstallationBehaviour.Normal);
        WarmUp();
    }

    public WireMockServer Server { get; }

    public InstallationDescriptor Installation { get; }

    public int NormalChangeCount => VSmartCannedFeed.ChangeCount;

    internal VSmartAdapterHost Host => _host;

    public IIlsAdapter CreateAdapter() => _host.Factory.Create(Installation);

    public void Behave(InstallationBehaviour behaviour)
    {
        Server.ResetMappings();
        Server.ResetLogEntries();
        var anything = Request.Create().WithPath(new WildcardMatcher("/*")).UsingAnyMethod();
        switch (behaviour)
        {
            case InstallationBehaviour.Normal:
                Xml("/ws/borrowers/changes", VSmartCannedFeed.Borrowers);
                Xml("/ws/loans/changes", VSmartCannedFeed.Loans);
                Oai("ListRecords", VSmartCannedFeed.FirstPage, 5);
                Server.Given(Request.Create().WithPath(VSmartCannedFeed.Base + "/oai").UsingGet().WithParam("resumptionToken", VSmartCannedFeed.SecondPageToken))
                    .AtPriority(1).RespondWith(XmlResponse(VSmartCannedFeed.SecondPage));
                Oai("Identify", VSmartCannedFeed.Identify, 5);
                Oai("ListSets", VSmartCannedFeed.Sets, 5);
                break;
            case InstallationBehaviour.ServerErrors:
                Server.Given(anything).RespondWith(Response.Create().WithStatusCode(500).WithHeader("Content-Type", "text/plain").WithBody("V-smart database unavailable"));
                break;
            case InstallationBehaviour.Hangs:
                Server.Given(anything).RespondWith(XmlResponse(VSmartCannedFeed.Borrowers).WithDelay(TimeSpan.FromSeconds(4)));
                break;
            case InstallationBehaviour.MalformedAnswers:
                Server.Given(anything).RespondWith(XmlResponse(VSmartCannedFeed.Borrowers[..(VSmartCannedFeed.Borrowers.Length / 2)]));
                break;
            case InstallationBehaviour.RefusesCredentials:
                Server.Given(anything).RespondWith(Response.Create().WithStatusCode(401).WithHeader("WWW-Authenticate", "Basic realm=\"V-smart\"")
                    .WithHeader("Content-Type", "text/plain").WithBody("Authentication required"));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(behaviour), behaviour, "Unknown behaviour.");
        }
    }

    /// <summary>Answers NCIP messages of <paramref name="service"/> (every message when empty) with <paramref name="body"/>, after <paramref name="delay"/>.</summary>
    public void Ncip(string service, string body, TimeSpan? delay = null)
    {
        var response = XmlResponse(body);
        if (delay is { } d) response = response.WithDelay(d);
        var request = Request.Create().WithPath(VSmartCannedFeed.Base + "/ncip").UsingPost();
        if (service.Length > 0) request = request.WithBody(new WildcardMatcher($"*<ncip:{service}>*"));
        Server.Given(request).AtPriority(service.Length > 0 ? 1 : 9).RespondWith(response);
    }

    /// <summary>Answers an OAI-PMH verb with <paramref name="body"/> (priority 0 overrides the normal answers, which have 5).</summary>
    public void Oai(string verb, string body, int priority = 0)
        => Server.Given(Request.Create().WithPath(VSmartCannedFeed.Base + "/oai").UsingGet().WithParam("verb", verb)).AtPriority(priority).RespondWith(XmlResponse(body));

    /// <summary>How many requests reached the stub for a path below the installation's endpoint.</summary>
    public int RequestsTo(string path) => Server.LogEntries.Count(e => e.RequestMessage?.Path == VSmartCannedFeed.Base + path);

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
        using var response = http.GetAsync(new Uri(Server.Url + VSmartCannedFeed.Base + "/ws/borrowers/changes")).GetAwaiter().GetResult();
        Server.ResetLogEntries();
    }

    private void Xml(string path, string body)
        => Server.Given(Request.Create().WithPath(VSmartCannedFeed.Base + path).UsingGet()).RespondWith(XmlResponse(body));

    private static IResponseBuilder XmlResponse(string body)
        => Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/xml; charset=utf-8").WithBody(body);
}
