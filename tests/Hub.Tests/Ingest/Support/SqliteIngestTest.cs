using Lsb.Hub.Ingest;
using Lsb.Hub.Tests.CustomerView.Support;
using Lsb.Hub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lsb.Hub.Tests.Ingest.Support;

/// <summary>A hub on SQLite, whose <see cref="CanonicalIngest"/> the test drives page by page (rows kept between pages and
/// pages decided ahead exist on SQLite only).</summary>
public abstract class SqliteIngestTest : IAsyncLifetime
{
    /// <summary>A library of the default topology.</summary>
    protected const string Library = "NL-0851010000";

    /// <summary>The hub.</summary>
    protected CustomerHub Hub { get; private set; } = null!;

    /// <summary>Its ingest.</summary>
    protected CanonicalIngest Ingest => Hub.Hub.Services.GetRequiredService<CanonicalIngest>();

    /// <inheritdoc />
    public async ValueTask InitializeAsync() => Hub = await CustomerHub.StartAsync(TestBackend.Sqlite);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Hub is not null) await Hub.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
