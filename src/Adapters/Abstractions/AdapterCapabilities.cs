using Lsb.Hub.Canonical.Installations;

namespace Lsb.Hub.Adapters;

/// <summary>What an installation can do, declared by its adapter.</summary>
/// <param name="Vendor">The vendor.</param>
/// <param name="Features">The optional features it supports.</param>
/// <param name="Protocol">A short description of how it is reached, e.g. "Wise REST/JSON".</param>
public sealed record AdapterCapabilities(Vendor Vendor, AdapterFeatures Features, string Protocol)
{
    /// <summary>True when the adapter supports <paramref name="feature"/>.</summary>
    public bool Supports(AdapterFeatures feature) => (Features & feature) == feature;
}
