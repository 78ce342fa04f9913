namespace Lsb.Hub.Adapters.Brocade.Sip2;

/// <summary>A request that changes something went out but its answer never came: it may or may not have been carried out.</summary>
internal sealed class Sip2AnswerLostException : Exception
{
    public Sip2AnswerLostException() { }

    public Sip2AnswerLostException(string message) : base(message) { }

    public Sip2AnswerLostException(string message, Exception innerException) : base(message, innerException) { }
}
