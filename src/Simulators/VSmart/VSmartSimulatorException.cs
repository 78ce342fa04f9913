namespace Lsb.Hub.Simulators.VSmart;

/// <summary>A control operation could not be carried out (unknown installation, borrower or copy; a conflict).</summary>
public sealed class VSmartSimulatorException : Exception
{
    /// <summary>Creates the exception.</summary>
    public VSmartSimulatorException(int status, string code, string message) : base(message)
    {
        Status = status;
        Code = code;
    }

    /// <summary>Creates the exception.</summary>
    public VSmartSimulatorException() : this(500, "ERROR", "The simulator failed.") { }

    /// <summary>Creates the exception.</summary>
    public VSmartSimulatorException(string message) : this(500, "ERROR", message) { }

    /// <summary>Creates the exception.</summary>
    public VSmartSimulatorException(string message, Exception innerException) : base(message, innerException)
    {
        Status = 500;
        Code = "ERROR";
    }

    /// <summary>The HTTP status the control API answers with.</summary>
    public int Status { get; }

    /// <summary>A code such as BORROWER_NOT_FOUND.</summary>
    public string Code { get; }
}
