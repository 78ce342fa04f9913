using System.ComponentModel.DataAnnotations;

namespace Lsb.Hub.Dwh;

/// <summary>
/// Configuration section <c>Dwh</c>: the pseudonymised event feed for the KB data warehouse. The pseudonym key
/// comes from configuration or a secret store (<c>Dwh__PseudonymKey</c>), never from the repository.
/// </summary>
public sealed class DwhOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Dwh";

    /// <summary>The secret key of the DWH pseudonyms: base64 of at least 32 random bytes. Without it the feed is off
    /// (the endpoints answer 503 saying so).</summary>
    public string? PseudonymKey { get; set; }

    /// <summary>Which key is in force; carried in every feed event so the DWH can tell pseudonyms of different keys
    /// apart after a rotation (see docs/dwh.md).</summary>
    [Range(1, int.MaxValue, ErrorMessage = "Dwh:KeyVersion must be a positive number.")]
    public int KeyVersion { get; set; } = 1;

    /// <summary>Push delivery on the embedded default: the folder of newline-delimited JSON files; null is off.</summary>
    public string? PushFolder { get; set; }

    /// <summary>Push delivery over RabbitMQ (Bus:Transport RabbitMq): publish batches to the exchange
    /// <c>{Bus:QueuePrefix}-dwh</c> that the DWH binds its queue to.</summary>
    public bool PushToBroker { get; set; }

    /// <summary>Events per pushed file or broker message.</summary>
    [Range(1, 100_000, ErrorMessage = "Dwh:PushBatchSize must be between 1 and 100,000.")]
    public int PushBatchSize { get; set; } = 1000;

    /// <summary>A pushed file is closed and a new one started after this many events.</summary>
    [Range(1, 10_000_000, ErrorMessage = "Dwh:RotateAfterEvents must be between 1 and 10,000,000.")]
    public int RotateAfterEvents { get; set; } = 100_000;

    /// <summary>The key as bytes, or null when unset.</summary>
    public byte[]? KeyBytes() => string.IsNullOrWhiteSpace(PseudonymKey) ? null : Convert.FromBase64String(PseudonymKey);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(PseudonymKey)) yield break;
        var buffer = new byte[PseudonymKey.Length];
        if (!Convert.TryFromBase64String(PseudonymKey, buffer, out var length) || length < 32)
            yield return new ValidationResult("Dwh:PseudonymKey must be base64 of at least 32 random bytes (e.g. `openssl rand -base64 32`).", [nameof(PseudonymKey)]);
    }
}
