namespace Lsb.Hub.CustomerView.View;

/// <summary>The answer of <c>GET /api/v1/customers/{memberId}/view</c>.</summary>
/// <param name="MemberId">The membership asked about.</param>
/// <param name="RequestingIsil">The library that asked.</param>
/// <param name="Scope">Integral, or only what the requesting library holds.</param>
/// <param name="Notice">Says in words what the view covers and why.</param>
/// <param name="Consent">The consent the view applied.</param>
/// <param name="Memberships">The person's memberships (integral view only).</param>
/// <param name="CurrentLoans">Open loans, soonest due first.</param>
/// <param name="History">Ended loans, most recent first (at most historyLimit).</param>
/// <param name="HistoryTruncated">True when more history exists than was returned.</param>
public sealed record CustomerViewResult(
    string MemberId,
    string RequestingIsil,
    ViewScope Scope,
    string Notice,
    ViewConsent Consent,
    IReadOnlyList<ViewMembership> Memberships,
    IReadOnlyList<ViewLoan> CurrentLoans,
    IReadOnlyList<ViewLoan> History,
    bool HistoryTruncated);
