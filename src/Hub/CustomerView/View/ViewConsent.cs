namespace Lsb.Hub.CustomerView.View;

/// <summary>The person's effective consent as the view applied it.</summary>
/// <param name="IntegralView">True when the person opted in to the integral view.</param>
/// <param name="IntegralViewDecidedAt">When that decision was made (null: never asked).</param>
/// <param name="KeepLoanHistory">True when the person opted in to keeping loan history beyond the retention period.</param>
public sealed record ViewConsent(bool IntegralView, DateTimeOffset? IntegralViewDecidedAt, bool KeepLoanHistory);
