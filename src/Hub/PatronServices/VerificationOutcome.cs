namespace Lsb.Hub.PatronServices;

/// <summary>How verifying a member at their home system ended.</summary>
public enum VerificationOutcome
{
    /// <summary>The home system confirmed the member (and the PIN, when one was given).</summary>
    Verified,
    /// <summary>Unknown card or wrong PIN: deliberately not told apart.</summary>
    NotVerified,
    /// <summary>Too many attempts: refused before asking the home system.</summary>
    Throttled,
    /// <summary>The card and PIN were accepted by more than one installation: the caller must name the home library.</summary>
    Ambiguous,
    /// <summary>The home system did not answer; try later.</summary>
    HomeUnavailable,
    /// <summary>The home system could not be asked (configuration, protocol or mapping fault): operators must act.</summary>
    HomeFailed,
}
