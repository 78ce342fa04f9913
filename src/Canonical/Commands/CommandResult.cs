namespace Lsb.Hub.Canonical.Commands;

/// <summary>The answer of an adapter to a command. Always keeps the vendor's raw status or error for diagnosis.</summary>
public sealed record CommandResult
{
    /// <summary>How it ended.</summary>
    public required CommandOutcome Outcome { get; init; }
    /// <summary>For <see cref="CommandOutcome.Rejected"/>: why.</summary>
    public RejectionReason Reason { get; init; }
    /// <summary>A sentence a person can read: what happened and, for failures, what to do.</summary>
    public string? Message { get; init; }
    /// <summary>The vendor's own status or error code.</summary>
    public string? RawStatus { get; init; }
    /// <summary>For <see cref="CommandOutcome.Transient"/>: when to try again.</summary>
    public TimeSpan? RetryAfter { get; init; }
    /// <summary>Ids the vendor created (hold id, temporary item id).</summary>
    public string? VendorRequestId { get; init; }
    /// <summary>An item id the vendor created.</summary>
    public string? VendorItemId { get; init; }
    /// <summary>A due date the vendor set.</summary>
    public DateTimeOffset? DueAt { get; init; }
    /// <summary>For lookups and authentication: the member's standing.</summary>
    public PatronStanding? Patron { get; init; }

    /// <summary>True for <see cref="CommandOutcome.Succeeded"/> and <see cref="CommandOutcome.AlreadyDone"/>.</summary>
    public bool IsSuccess => Outcome is CommandOutcome.Succeeded or CommandOutcome.AlreadyDone;

    /// <summary>A plain success.</summary>
    public static CommandResult Success(string? message = null) => new() { Outcome = CommandOutcome.Succeeded, Message = message };

    /// <summary>A permanent refusal.</summary>
    public static CommandResult Rejected(RejectionReason reason, string message, string? rawStatus = null)
        => new() { Outcome = CommandOutcome.Rejected, Reason = reason, Message = message, RawStatus = rawStatus };

    /// <summary>A failure that may pass.</summary>
    public static CommandResult Transient(string message, TimeSpan? retryAfter = null)
        => new() { Outcome = CommandOutcome.Transient, Message = message, RetryAfter = retryAfter };

    /// <summary>This adapter cannot do this command.</summary>
    public static CommandResult NotSupported(string message) => new() { Outcome = CommandOutcome.NotSupported, Message = message };
}
