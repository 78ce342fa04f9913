using System.Security.Cryptography;
using System.Text;

namespace Lsb.Hub.Simulators.Wise;

/// <summary>Accepts the <see cref="WiseKey"/> of today or yesterday (UTC): limited validity, as the docs describe.</summary>
public sealed class DailyHmacWiseKeyValidator : IWiseKeyValidator
{
    /// <inheritdoc />
    public bool IsValid(WiseInstallationSpec installation, string presentedKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(installation);
        ArgumentNullException.ThrowIfNull(presentedKey);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var presented = Encoding.UTF8.GetBytes(presentedKey);
        var valid = false;
        foreach (var day in (ReadOnlySpan<DateOnly>)[today, today.AddDays(-1)])
        {
            var expected = Encoding.UTF8.GetBytes(WiseKey.Compute(installation.AppId, installation.AppKey, day));
            valid |= CryptographicOperations.FixedTimeEquals(expected, presented);
        }
        return valid;
    }
}
