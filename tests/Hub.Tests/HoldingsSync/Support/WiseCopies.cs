using System.Net;
using System.Net.Http.Json;
using Lsb.Hub.Simulators.Wise;
using Lsb.Hub.Tests.Infrastructure;

namespace Lsb.Hub.Tests.HoldingsSync.Support;

/// <summary>The Wise simulator as a source of copies (main branch of Bibliotheek Lindendal, NL-0851010000).</summary>
public sealed class WiseCopies : IVendorCopies
{
    private const string Installation = WiseDefaultTopology.InstallationName;
    private readonly WiseSimulatorHost _wise;
    private int _titles;

    private WiseCopies(WiseSimulatorHost wise) => _wise = wise;

    public string Vendor => "Wise";
    public string Isil => "NL-0851010000";

    private WiseInstallationAccess Access => _wise.Installation(Installation);

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [$"Credentials:{Installation}:AppId"] = Access.AppId,
        [$"Credentials:{Installation}:AppKey"] = Access.AppKey,
    };

    public static async Task<IVendorCopies> StartAsync()
        => new WiseCopies(await WiseSimulator.StartAsync(new WiseSimulatorOptions { PatronsPerLibrary = 2, ItemsPerLibrary = 4, LoansPerLibrary = 0 }));

    public async Task RegisterAsync(HttpClient poi)
    {
        var response = await poi.PostAsJsonAsync("/api/v1/installations", new
        {
            id = Installation, vendor = "Wise", owningPoi = HubHost.Poi, endpoint = Access.Endpoint.ToString(), credentialsRef = Installation,
            libraries = Access.Libraries.Select(l => new { isil = l.Isil, vendorLibraryId = l.LibraryId, name = l.Name }).ToArray(),
        });
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"Registering the Wise installation failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public Task<VendorCopy> AddCopyAsync(string? isbn, string title)
    {
        // A new title each time, so the copy carries exactly the identifiers given (Wise gives most titles a PPN).
        var copy = _wise.Control.AddItem(Installation, "5101", new ItemDraft
        {
            Title = $"{title} ({++_titles})", Isbn = isbn, BranchId = "510100", MaterialType = isbn is null ? "SPEL" : "BOEK",
        });
        return Task.FromResult(new VendorCopy(copy.ItemId, copy.Barcode));
    }

    public Task WithdrawAsync(VendorCopy copy)
    {
        ArgumentNullException.ThrowIfNull(copy);
        _wise.Control.WithdrawItem(Installation, copy.VendorId);
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => _wise.DisposeAsync();
}
