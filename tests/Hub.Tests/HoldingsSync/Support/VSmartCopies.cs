using System.Net;
using System.Net.Http.Json;
using Lsb.Hub.Simulators.VSmart;
using Lsb.Hub.Tests.Infrastructure;

namespace Lsb.Hub.Tests.HoldingsSync.Support;

/// <summary>The V-smart simulator as a source of copies (Bibliotheek Duinrand, NL-0852010000); the hub harvests them over OAI-PMH.</summary>
public sealed class VSmartCopies : IVendorCopies
{
    private const string Installation = VSmartDefaultTopology.InstallationName;
    private const string Library = "DRD";
    private readonly VSmartSimulatorHost _vsmart;

    private VSmartCopies(VSmartSimulatorHost vsmart) => _vsmart = vsmart;

    public string Vendor => "VSmart";
    public string Isil => "NL-0852010000";

    private VSmartInstallationAccess Access => _vsmart.Installation(Installation);

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [$"Credentials:{Installation}:Username"] = Access.Username,
        [$"Credentials:{Installation}:Password"] = Access.Password,
    };

    public static async Task<IVendorCopies> StartAsync()
        => new VSmartCopies(await VSmartSimulator.StartAsync(new VSmartSimulatorOptions { BorrowersPerLibrary = 2, CopiesPerLibrary = 4, LoansPerLibrary = 0 }));

    public async Task RegisterAsync(HttpClient poi)
    {
        var response = await poi.PostAsJsonAsync("/api/v1/installations", VSmartWorld.Registration(Access, HubHost.Poi));
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"Registering the V-smart installation failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public Task<VendorCopy> AddCopyAsync(string? isbn, string title)
    {
        // A new title each time, at the main branch (so the copy belongs to the library's own ISIL).
        var copy = _vsmart.Control.AddCopy(Installation, Library, new CopyDraft
        {
            Title = title, Isbn = isbn, MaterialCode = isbn is null ? "SP" : "BK", BranchCode = "DRD01",
        });
        return Task.FromResult(new VendorCopy(copy.ItemId, copy.Barcode));
    }

    public Task WithdrawAsync(VendorCopy copy)
    {
        ArgumentNullException.ThrowIfNull(copy);
        _vsmart.Control.WithdrawCopy(Installation, copy.VendorId);
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => _vsmart.DisposeAsync();
}
