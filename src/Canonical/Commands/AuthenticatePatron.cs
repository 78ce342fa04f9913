namespace Lsb.Hub.Canonical.Commands;

/// <summary>
/// Verify a member's card number and PIN against their home system. The PIN MUST NEVER be logged, stored or put in
/// a message body that is persisted; this command is executed in-process only.
/// </summary>
public sealed record AuthenticatePatron : IlsCommand
{
    /// <summary>The member's card number (or national user id).</summary>
    public required string CardNumber { get; init; }

    /// <summary>The PIN or password. Never logged.</summary>
    public required string Pin { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"AuthenticatePatron {{ Isil = {Isil}, CardNumber = {CardNumber}, Pin = *** }}";
}
