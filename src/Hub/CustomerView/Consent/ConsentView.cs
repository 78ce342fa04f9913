namespace Lsb.Hub.CustomerView.Consent;

/// <summary>The answer of the consent endpoints: the person's effective decisions and this membership's audit trail.</summary>
/// <param name="MemberId">The membership.</param>
/// <param name="IntegralView">Effective decision on the integral view.</param>
/// <param name="KeepLoanHistory">Effective decision on keeping loan history.</param>
/// <param name="Trail">Every decision recorded through this membership, oldest first.</param>
public sealed record ConsentView(string MemberId, ConsentState IntegralView, ConsentState KeepLoanHistory, IReadOnlyList<ConsentTrailEntry> Trail);
