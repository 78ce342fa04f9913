using System.Net;
using System.Net.Http.Json;
using Lsb.Hub.Simulators.Brocade;
using Lsb.Hub.Simulators.Brocade.Control;
using Lsb.Hub.Tests.Infrastructure;

namespace Lsb.Hub.Tests.HoldingsSync.Support;

/// <summary>The Brocade simulator as a source of copies (Duinrand Centrale, NL-0853010000); each change goes out in a delta export.</summary>
public sealed class BrocadeCopies : IVendorCopies
{
    private const string Installation = BrocadeDefaultTopology.InstallationName;
    private readonly BrocadeSimulatorHost _brocade;
    private readonly string _state = Path.Combine(Path.GetTempPath(), "lsb-hub-tests", "brocade-sync-" + Guid.NewGuid().ToString("N"));

    private BrocadeCopies(BrocadeSimulatorHost brocade) => _brocade = brocade;

    public string Vendor => "Brocade";
    public string Isil => "NL-0853010000";

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [$"Credentials:{Installation}:SipUser"] = _brocade.Installation.SipUser,
        [$"Credentials:{Installation}:SipPassword"] = _brocade.Installation.SipPassword,
        ["Adapters:Brocade:StateDirectory"] = _state,
    };

    public static async Task<IVendorCopies> StartAsync()
        => new BrocadeCopies(await BrocadeSimulator.StartAsync(new BrocadeSimulatorOptions { MembersPerLibrary = 2, CopiesPerLibrary = 4, LoansPerLibrary = 0 }));

    public async Task RegisterAsync(HttpClient poi)
    {
        var access = _brocade.Installation;
        var response = await poi.PostAsJsonAsync("/api/v1/installations", new
        {
            id = Installation, vendor = "Brocade", owningPoi = HubHost.Poi, endpoint = access.Endpoint.ToString(), credentialsRef = Installation,
            libraries = access.Libraries.Select(l => new { isil = l.Isil, vendorLibraryId = l.LibraryCode, name = l.Name }).ToArray(),
        });
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"Registering the Brocade installation failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public Task<VendorCopy> AddCopyAsync(string? isbn, string title)
    {
        var copy = _brocade.Control.AddCopy(new CopyDraft { LibraryCode = "DRB", BranchCode = "DRB01", Title = title, Isbn = isbn, Material = isbn is null ? "SP" : "BK" });
        _brocade.Control.ExportNow(ExportKind.Delta);
        return Task.FromResult(new VendorCopy(copy.CopyNumber, copy.Barcode));
    }

    public Task WithdrawAsync(VendorCopy copy)
    {
        ArgumentNullException.ThrowIfNull(copy);
        _brocade.Control.WithdrawCopy(copy.VendorId);
        _brocade.Control.ExportNow(ExportKind.Delta);
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _brocade.DisposeAsync();
        try { Directory.Delete(_state, recursive: true); }
        catch (IOException) { /* still held by a finishing poll; the OS cleans the temp folder */ }
    }
}
