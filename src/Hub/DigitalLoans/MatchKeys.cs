using System.Globalization;
using Lsb.Hub.CustomerView;
using Lsb.Hub.Privacy;

namespace Lsb.Hub.DigitalLoans;

/// <summary>
/// Keyed hashes (<see cref="PrivacyPurpose.DigitalLoanMatch"/>) that let the hub find a waiting e-book loan event's
/// member and loan without keeping the card number or national user id: the hub hashes the arriving member's card
/// number the same way and looks the hash up.
/// </summary>
public sealed class MatchKeys(KeyedHash hash)
{
    /// <summary>A member by card number within a library organisation (card numbers are unique per library).</summary>
    public string Card(string isil, string cardNumber) => hash.Hex($"card|{LibraryOrganisation.Of(isil)}|{cardNumber.Trim()}");

    /// <summary>A member by national user id.</summary>
    public string National(string nationalUserId) => hash.Hex("nuid|" + nationalUserId.Trim());

    /// <summary>A loan: by the platform's loan id when it sends one, otherwise by member, e-book and start.</summary>
    public string Loan(string? platformLoanId, string memberKey, string isbn, DateTimeOffset? startedAt)
        => platformLoanId is not null
            ? hash.Hex("loan|id|" + platformLoanId.Trim())
            : hash.Hex($"loan|m|{memberKey}|{isbn}|{startedAt?.UtcTicks.ToString(CultureInfo.InvariantCulture)}");
}
