namespace Lsb.Hub.Privacy;

/// <summary>The purposes that have their own key in <see cref="PrivacyKeys"/>.</summary>
public static class PrivacyPurpose
{
    /// <summary>Match keys of e-book loan events that wait for their member (card number, national user id).</summary>
    public const string DigitalLoanMatch = "digital-loan-match";

    /// <summary>The member pseudonym that retention puts on loan history older than the retention period.</summary>
    public const string LoanHistoryPseudonym = "loan-history-pseudonym";

    /// <summary>The card numbers in the brute-force limit of patron authentication (shared by the hub's nodes).</summary>
    public const string PatronAuthThrottle = "patron-auth-throttle";

    /// <summary>Every purpose.</summary>
    public static IReadOnlyList<string> All { get; } = [DigitalLoanMatch, LoanHistoryPseudonym, PatronAuthThrottle];
}
