using Lsb.Hub.Simulators.Catalogues.Shared;
using Lsb.Hub.Simulators.Catalogues.WorldCat.State;

namespace Lsb.Hub.Simulators.Catalogues.WorldCat;

/// <summary>
/// The WorldCat simulator's control operations: read the LHRs, plant differences, make OCLC numbers unknown or
/// barcodes rejected, force 429s, expire tokens, hold an answer (crash tests), and count what the client did.
/// </summary>
public sealed class WorldCatSimulatorControl
{
    private readonly WorldCatRegistry _registry;
    private readonly WorldCatAccess _access;

    internal WorldCatSimulatorControl(WorldCatRegistry registry, WorldCatAccess access)
    {
        _registry = registry;
        _access = access;
    }

    /// <summary>Every LHR, ordered by control number.</summary>
    public IReadOnlyList<WorldCatLhr> Records() => _registry.All();

    /// <summary>The LHRs of one holding library (852 $b).</summary>
    public IReadOnlyList<WorldCatLhr> RecordsOf(string holdingLibrary)
        => [.. _registry.All().Where(l => string.Equals(l.HoldingLibrary, holdingLibrary, StringComparison.OrdinalIgnoreCase))];

    /// <summary>An LHR by control number, or null.</summary>
    public WorldCatLhr? Find(string controlNumber) => _registry.Find(controlNumber);

    /// <summary>Deletes an LHR behind the API's back; true when it existed.</summary>
    public bool Remove(string controlNumber) => _registry.Remove(controlNumber);

    /// <summary>From now on LHRs for <paramref name="oclcNumber"/> are refused: no such bibliographic record.</summary>
    public void MarkOclcNumberUnknown(string oclcNumber) => _registry.MarkOclcNumberUnknown(oclcNumber);

    /// <summary>From now on LHRs with barcode <paramref name="barcode"/> are refused with <paramref name="reason"/>.</summary>
    public void RejectBarcode(string barcode, string reason) => _registry.RejectBarcode(barcode, reason);

    /// <summary>LHRs with this barcode are judged normally again.</summary>
    public void StopRejectingBarcode(string barcode) => _registry.StopRejectingBarcode(barcode);

    /// <summary>The next <paramref name="requests"/> API calls are answered 429 with Retry-After.</summary>
    public void ThrottleNext(int requests) => _access.ThrottleNext(requests);

    /// <summary>Every issued token stops working (the client must fetch a new one).</summary>
    public void ExpireAllTokens() => _access.ExpireAllTokens();

    /// <summary>How often an LHR with this control number was created.</summary>
    public int CreateCount(string controlNumber) => _registry.CreateCount(controlNumber);

    /// <summary>How often an LHR with this control number was written (created, replaced or deleted).</summary>
    public int WriteCount(string controlNumber) => _registry.WriteCount(controlNumber);

    /// <summary>API calls answered 429.</summary>
    public int Throttled => _access.Throttled;

    /// <summary>API calls that came back before the Retry-After of a 429 had passed.</summary>
    public int EarlyRetries => _access.EarlyRetries;

    /// <summary>Access tokens issued.</summary>
    public int TokensIssued => _access.TokensIssued;

    /// <summary>Holds the answer to a chosen write after it was applied (crash tests); the key is the control number.</summary>
    public ResponseGate Gate => _registry.Gate;
}
