namespace Lsb.Hub.Adapters.Contract;

/// <summary>How a fault stub of an installation answers.</summary>
public enum InstallationBehaviour
{
    /// <summary>Answers every read with the fixture's canned changes.</summary>
    Normal,
    /// <summary>Answers every call with HTTP 500.</summary>
    ServerErrors,
    /// <summary>Answers nothing within the adapter's timeout.</summary>
    Hangs,
    /// <summary>Answers with a body that is not valid in the vendor's format.</summary>
    MalformedAnswers,
    /// <summary>Refuses the hub's credentials.</summary>
    RefusesCredentials,
}
