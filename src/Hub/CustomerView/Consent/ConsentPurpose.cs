namespace Lsb.Hub.CustomerView.Consent;

/// <summary>What a person can consent to (stored in <c>consents.purpose</c>).</summary>
public static class ConsentPurpose
{
    /// <summary>The integral view: combining the person's loans of every library and the e-book platform.</summary>
    public const string IntegralView = "integral-view";

    /// <summary>Keeping loan history beyond the retention period (otherwise it is pseudonymised).</summary>
    public const string KeepLoanHistory = "keep-loan-history";
}
