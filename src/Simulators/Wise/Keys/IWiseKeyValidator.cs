namespace Lsb.Hub.Simulators.Wise;

/// <summary>Decides whether a WISE_KEY presented to an installation is valid. Pluggable because the real algorithm is
/// not public: swap in the real one here and in the adapter's key calculator, nowhere else.</summary>
public interface IWiseKeyValidator
{
    /// <summary>True when <paramref name="presentedKey"/> is valid for <paramref name="installation"/> at <paramref name="now"/>.
    /// MUST compare in constant time.</summary>
    bool IsValid(WiseInstallationSpec installation, string presentedKey, DateTimeOffset now);
}
