namespace Lsb.Hub.Tests.HoldingsSync.Support;

/// <summary>
/// A vendor's simulated library system, as holdings-sync tests need it: register it with the hub, then add and withdraw
/// copies the way library staff would, so they reach the hub through that vendor's adapter. One implementation per
/// vendor; the end-to-end tests run once per vendor.
/// </summary>
public interface IVendorCopies : IAsyncDisposable
{
    /// <summary>The vendor's name, for test output.</summary>
    string Vendor { get; }

    /// <summary>The library (ISIL) copies are added to.</summary>
    string Isil { get; }

    /// <summary>Hub configuration the installation needs (credentials).</summary>
    IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>Registers the installation with the hub through its API.</summary>
    Task RegisterAsync(HttpClient poi);

    /// <summary>Adds a copy of a title with this ISBN (null: a title without any identifier) to <see cref="Isil"/>.</summary>
    Task<VendorCopy> AddCopyAsync(string? isbn, string title);

    /// <summary>Withdraws the copy.</summary>
    Task WithdrawAsync(VendorCopy copy);
}

/// <summary>A copy in a vendor's system.</summary>
/// <param name="VendorId">The vendor's id of the copy.</param>
/// <param name="Barcode">Its barcode.</param>
public sealed record VendorCopy(string VendorId, string Barcode);
