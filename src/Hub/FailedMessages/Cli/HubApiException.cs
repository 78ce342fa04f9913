namespace Lsb.Hub.FailedMessages.Cli;

/// <summary>The hub answered a CLI request with an error; the message is the problem's title, detail and field errors.</summary>
public sealed class HubApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public HubApiException(int status, string message) : base(message) => Status = status;

    /// <summary>Creates the exception.</summary>
    public HubApiException() { }

    /// <summary>Creates the exception.</summary>
    public HubApiException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public HubApiException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>The HTTP status.</summary>
    public int Status { get; }
}
