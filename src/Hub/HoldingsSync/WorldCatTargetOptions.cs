using System.ComponentModel.DataAnnotations;

namespace Lsb.Hub.HoldingsSync;

/// <summary>Configuration <c>HoldingsSync:WorldCat</c>: the WorldCat Metadata API.</summary>
public sealed class WorldCatTargetOptions
{
    /// <summary>The API's base address (its paths start with <c>worldcat/</c>), e.g. <c>https://metadata.api.oclc.org/</c>.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The OAuth token endpoint, e.g. <c>https://oauth.oclc.org/token</c>.</summary>
    public Uri? TokenUrl { get; set; }

    /// <summary>The WSKey (client id).</summary>
    public string? ClientKey { get; set; }

    /// <summary>The WSKey secret (from the environment, <c>HoldingsSync__WorldCat__ClientSecret</c>; never the repository).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The scope asked for.</summary>
    public string Scope { get; set; } = "WorldCatMetadataAPI:manage_institution_lhrs WorldCatMetadataAPI:view_my_holdings";

    /// <summary>The institution symbol of libraries that configure none.</summary>
    public string? DefaultSymbol { get; set; }

    /// <summary>Retries of one call on 429, 5xx or a network error before the delivery is retried later by the bus.</summary>
    [Range(0, 20, ErrorMessage = "HoldingsSync:WorldCat:MaxRetries must be between 0 and 20.")]
    public int MaxRetries { get; set; } = 6;

    /// <summary>The longest Retry-After waited for inside one call; a longer one ends the attempt (the bus retries later).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "HoldingsSync:WorldCat:MaxRetryAfter must be between 1 second and 1 hour.")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Time allowed for one call.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "HoldingsSync:WorldCat:Timeout must be between 1 second and 10 minutes.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Records per page when reading a library's LHRs (OCLC serves at most 50).</summary>
    [Range(1, 1000, ErrorMessage = "HoldingsSync:WorldCat:SearchPageSize must be between 1 and 1000.")]
    public int SearchPageSize { get; set; } = 50;
}
