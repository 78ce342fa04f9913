namespace Lsb.Hub.Marc;

/// <summary>Outcome of one framing attempt.</summary>
internal enum FrameStatus
{
    /// <summary>A record was framed.</summary>
    Record,

    /// <summary>More bytes are needed before anything can be decided.</summary>
    NeedMore,

    /// <summary>The stream is exhausted.</summary>
    End,
}
