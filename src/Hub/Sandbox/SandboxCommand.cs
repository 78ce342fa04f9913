using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Canonical.Installations;
using Lsb.Hub.EventLog;
using Lsb.Hub.Installations;
using Lsb.Hub.Simulators.Wise;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration.Memory;

namespace Lsb.Hub.Sandbox;

/// <summary>
/// <c>lsb-hub sandbox</c>: the hub on the embedded default (SQLite in <c>.sandbox/data</c>, started fresh each time)
/// with the vendor simulators running in-process and their installations pre-registered, ingesting continuously.
/// Prints the URLs, the sandbox API keys and commands to try. Configuration and environment still win, so keys and
/// settings given there are honoured.
/// </summary>
public static class SandboxCommand
{
    /// <summary>Runs the sandbox until Ctrl+C.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var folder = Path.GetFullPath(".sandbox");
        var keepData = args.Contains("--keep-data");
        args = [.. args.Where(a => a != "--keep-data")];
        var dataDirectory = Path.Combine(folder, "data");
        if (!keepData && Directory.Exists(dataDirectory)) Directory.Delete(dataDirectory, recursive: true);
        var keys = SandboxKeys.LoadOrCreate(folder);

        await using var wise = await WiseSimulator.StartAsync(new WiseSimulatorOptions
        {
            Url = "http://127.0.0.1:0",
            BackgroundChangesPerSecond = 2,
        });
        await using var vsmart = await VSmartSandbox.StartAsync();
        await using var brocade = await BrocadeSandbox.StartAsync(folder, keepData);
        await using var catalogues = await CataloguesSandbox.StartAsync();
        var wiseAccess = wise.Installation(WiseDefaultTopology.InstallationName);
        var firstIsil = wiseAccess.Libraries[0].Isil;

        var defaults = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:DataDirectory"] = dataDirectory,
            ["Ingest:PollInterval"] = "00:00:01",
            ["urls"] = "http://127.0.0.1:5080",
            [$"Credentials:{wiseAccess.Name}:AppId"] = wiseAccess.AppId,
            [$"Credentials:{wiseAccess.Name}:AppKey"] = wiseAccess.AppKey,
        };
        foreach (var (key, value) in keys.AsConfiguration(firstIsil)) defaults[key] = value;
        VSmartSandbox.AddConfiguration(defaults, vsmart);
        foreach (var (key, value) in BrocadeSandbox.Configuration(brocade, dataDirectory)) defaults[key] = value;
        foreach (var (key, value) in catalogues.Configuration()) defaults[key] = value;

        var app = HubApplication.Build(args, builder =>
            builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = defaults }));
        await app.StartAsync();

        var store = app.Services.GetRequiredService<InstallationStore>();
        await RegisterAsync(store, wiseAccess);
        await VSmartSandbox.RegisterAsync(store, vsmart);
        await BrocadeSandbox.RegisterAsync(store, brocade);
        var hubUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        PrintBanner(hubUrl, wise.BaseAddress, keys, firstIsil);
        VSmartSandbox.PrintUrls(vsmart, hubUrl, keys.Admin);
        Console.WriteLine(BrocadeSandbox.Describe(brocade));
        Console.WriteLine(catalogues.Describe(hubUrl, keys.Admin, firstIsil));
        await PrintFirstIdsAsync(app.Services, hubUrl, keys);
        PrintPatronAuthentication(wise, hubUrl, keys);
        await app.WaitForShutdownAsync();
        return 0;
    }

    private static async Task RegisterAsync(InstallationStore store, WiseInstallationAccess access)
    {
        if (await store.GetAsync(access.Name, CancellationToken.None) is not null) return;
        var descriptor = new InstallationDescriptor(InstallationId.Parse(access.Name), Vendor.Wise, access.Endpoint, access.Name,
            [.. access.Libraries.Select(l => new LibraryRef(Isil.Parse(l.Isil), l.LibraryId, l.Name))]);
        var outcome = await store.RegisterAsync(descriptor, SandboxKeys.SandboxPoi, "Sandbox Wise (simulated)", "sandbox", CancellationToken.None);
        if (!outcome.Created) throw new InvalidOperationException($"Could not register the sandbox installation: {outcome.Conflict}");
    }

    private static void PrintBanner(string hubUrl, Uri wiseUrl, SandboxKeys keys, string libraryIsil)
    {
        Console.WriteLine($"""

            ================================ LSB Hub sandbox ================================
             Hub            {hubUrl}
             API reference  {hubUrl}/scalar   (OpenAPI: {hubUrl}/openapi/v1.json)
             Health         {hubUrl}/health/ready
             Wise simulator {wiseUrl}  (installation sandbox-wise, control API {wiseUrl}_sim/)

             API keys (header X-Api-Key; kept in .sandbox/keys.json)
               admin            {keys.Admin}
               poi:{SandboxKeys.SandboxPoi}  {keys.Poi}
               library:{libraryIsil} {keys.Library}
               ebook-platform   {keys.EbookPlatform}
               dwh              {keys.Dwh}
               patron-auth      {keys.PatronAuth}

             Try:
               curl -s -H 'X-Api-Key: {keys.Admin}' {hubUrl}/api/v1/installations/sandbox-wise
               curl -s -H 'X-Api-Key: {keys.Admin}' '{hubUrl}/api/v1/events?after=0&limit=5'
            =================================================================================

            """);
    }

    /// <summary>A simulated Wise member's card and PIN (simulated data, shown for trying by hand) for national authentication.</summary>
    private static void PrintPatronAuthentication(WiseSimulatorHost wise, string hubUrl, SandboxKeys keys)
    {
        var access = wise.Installation(WiseDefaultTopology.InstallationName);
        var patron = wise.Control.ListPatrons(access.Name, access.Libraries[0].LibraryId, 0, 50).FirstOrDefault(p => p.Status == "ACT");
        if (patron is null) return;
        Console.WriteLine($$"""
             National patron authentication (docs/patron-services.md), as the KB platform would ask:
               curl -s -X POST -H 'X-Api-Key: {{keys.PatronAuth}}' -H 'Content-Type: application/json' {{hubUrl}}/api/v1/patrons/authenticate \
                    -d '{"cardNumber":"{{patron.CardNumber}}","pin":"{{patron.Pin}}","service":"kb-online-library"}'

            """);
    }

    private static async Task PrintFirstIdsAsync(IServiceProvider services, string hubUrl, SandboxKeys keys)
    {
        var reader = services.GetRequiredService<EventLogReader>();
        var signal = services.GetRequiredService<EventLogSignal>();
        string? member = null, holding = null;
        long after = 0;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((member is null || holding is null) && DateTime.UtcNow < deadline)
        {
            foreach (var e in await reader.ReadAsync(after, 500, CancellationToken.None))
            {
                after = e.Position;
                if (e.EventType == "MemberRegistered") member ??= e.SubjectId;
                if (e.EventType == "HoldingAdded") holding ??= e.SubjectId;
            }
            if (member is null || holding is null) await signal.WaitAsync(TimeSpan.FromSeconds(1), CancellationToken.None);
        }
        if (member is null || holding is null) return;
        Console.WriteLine($"""
             Ingested. A member, their loans and a copy:
               curl -s -H 'X-Api-Key: {keys.Admin}' {hubUrl}/api/v1/members/{member}
               curl -s -H 'X-Api-Key: {keys.Admin}' '{hubUrl}/api/v1/loans?memberId={member}'
               curl -s -H 'X-Api-Key: {keys.Admin}' {hubUrl}/api/v1/holdings/{holding}

            """);
    }
}
