namespace Lsb.Hub.Ibl.Steps;

/// <summary>An adapter failed in a way that may pass (Transient) or lost its answer (Unknown): the bus retries the step
/// with the same idempotency key, which is also how an Unknown outcome is reconciled (the adapters' commands are
/// idempotent per key), and after the last retry the step lands in the failed-message store.</summary>
public sealed class IblStepRetryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public IblStepRetryException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public IblStepRetryException() { }

    /// <summary>Creates the exception.</summary>
    public IblStepRetryException(string message, Exception innerException) : base(message, innerException) { }
}
