namespace Lsb.Hub.Ibl.Iso18626;

/// <summary>The five ISO 18626 error types of a confirmation.</summary>
public enum Iso18626ErrorType
{
    /// <summary>The action is unknown or not supported.</summary>
    UnsupportedActionType,
    /// <summary>The reason for message is unknown or not supported.</summary>
    UnsupportedReasonForMessageType,
    /// <summary>An element the schema does not know.</summary>
    UnrecognisedDataElement,
    /// <summary>A value that is wrong: unknown request, agency, status, empty id.</summary>
    UnrecognisedDataValue,
    /// <summary>Not XML, or not an ISO 18626 message.</summary>
    BadlyFormedMessage,
}
