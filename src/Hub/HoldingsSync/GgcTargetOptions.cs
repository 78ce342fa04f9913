using System.ComponentModel.DataAnnotations;

namespace Lsb.Hub.HoldingsSync;

/// <summary>Configuration <c>HoldingsSync:Ggc</c>: the GGC delivery interface.</summary>
public sealed class GgcTargetOptions
{
    /// <summary>The base address of the delivery interface (its paths start with <c>ggc/</c>). GGC libraries are not
    /// synchronised while it is not set.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The delivery account.</summary>
    public string UserName { get; set; } = "lsb-hub";

    /// <summary>The delivery account's password (from the environment, <c>HoldingsSync__Ggc__Password</c>; never the repository).</summary>
    public string? Password { get; set; }

    /// <summary>Records per file: a larger batch is delivered as several files (parts), each acknowledged on its own.</summary>
    [Range(1, 100_000, ErrorMessage = "HoldingsSync:Ggc:RecordsPerFile must be between 1 and 100000.")]
    public int RecordsPerFile { get; set; } = 5000;

    /// <summary>Time allowed for one upload or import.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "HoldingsSync:Ggc:Timeout must be between 1 second and 1 hour.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(5);
}
