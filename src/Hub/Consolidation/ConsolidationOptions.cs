using System.ComponentModel.DataAnnotations;

namespace Lsb.Hub.Consolidation;

/// <summary>Settings of library moves (section <c>Consolidation</c>).</summary>
public sealed class ConsolidationOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Consolidation";

    /// <summary>How often the runner looks at unfinished moves (and how soon after its time a cut-over happens).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(1);
}
