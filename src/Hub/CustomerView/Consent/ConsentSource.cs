namespace Lsb.Hub.CustomerView.Consent;

/// <summary>The channels a consent decision comes through (<c>consents.source</c>).</summary>
public static class ConsentSource
{
    /// <summary>Recorded through <c>PUT /api/v1/customers/{memberId}/consent</c>.</summary>
    public const string Api = "api";

    /// <summary>Reported by the member's ILS (a vendor field, mapped by the adapter).</summary>
    public static string Ils(string installationId) => "ils:" + installationId;
}
