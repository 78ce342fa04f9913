namespace Lsb.Hub.FailedMessages.Cli;

/// <summary>A CLI command was given wrong arguments; the message says what to pass instead (exit code 2).</summary>
public sealed class CliUsageException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CliUsageException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public CliUsageException() { }

    /// <summary>Creates the exception.</summary>
    public CliUsageException(string message, Exception innerException) : base(message, innerException) { }
}
