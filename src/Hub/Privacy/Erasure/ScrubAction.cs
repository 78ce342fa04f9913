namespace Lsb.Hub.Privacy.Erasure;

/// <summary>What scrubbing one stored message body decided.</summary>
public enum ScrubAction
{
    /// <summary>The body does not carry the person: left alone.</summary>
    Unchanged,
    /// <summary>The person's records were cut out; the rest of the message (other people's changes) stays.</summary>
    Rewritten,
    /// <summary>The message is about the person only (or could not be cut safely): removed.</summary>
    Remove,
}
