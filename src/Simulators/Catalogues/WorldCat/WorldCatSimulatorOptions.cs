namespace Lsb.Hub.Simulators.Catalogues.WorldCat;

/// <summary>How to start a <see cref="WorldCatSimulator"/>.</summary>
public sealed record WorldCatSimulatorOptions
{
    /// <summary>Where Kestrel listens; port 0 picks a free port.</summary>
    public string Url { get; init; } = "http://127.0.0.1:0";

    /// <summary>The WSKey (client id) the hub authenticates with.</summary>
    public string ClientKey { get; init; } = "lsb-hub-wskey";

    /// <summary>The WSKey secret: a published test value, never a real secret.</summary>
    public string ClientSecret { get; init; } = "worldcat-sandbox-secret-not-a-secret";

    /// <summary>The registry id of the institution the key belongs to.</summary>
    public string InstitutionId { get; init; } = "128807";

    /// <summary>Seconds an access token lives (OCLC: 1199).</summary>
    public int TokenLifetimeSeconds { get; init; } = 1199;

    /// <summary>Requests per second a key may make before it is answered 429.</summary>
    public int RequestsPerSecond { get; init; } = 100;

    /// <summary>The <c>Retry-After</c> (seconds) sent with a 429.</summary>
    public int RetryAfterSeconds { get; init; } = 1;

    /// <summary>The largest page <c>search/my-holdings</c> serves (OCLC: 50).</summary>
    public int MaxSearchLimit { get; init; } = 50;

    /// <summary>The clock of tokens and rate windows.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
