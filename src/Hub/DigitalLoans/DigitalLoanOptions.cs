using System.ComponentModel.DataAnnotations;

namespace Lsb.Hub.DigitalLoans;

/// <summary>Configuration section <c>DigitalLoans</c>, validated at start.</summary>
public sealed class DigitalLoanOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DigitalLoans";

    /// <summary>The most events one <c>POST /api/v1/digital-loans</c> may carry (default 5,000). The platform MUST
    /// split larger deliveries; a larger batch is refused whole with 413.</summary>
    [Range(1_000, 50_000, ErrorMessage = "DigitalLoans:MaxBatchSize must be between 1,000 and 50,000 events.")]
    public int MaxBatchSize { get; set; } = 5_000;
}
