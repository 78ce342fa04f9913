using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Canonical.Holdings;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Ingest;
using Microsoft.Extensions.DependencyInjection;

namespace Lsb.Hub.Tests.HoldingsSync.Support;

/// <summary>
/// Copies fed straight into the hub's canonical ingest (the production path after the adapter) for installation
/// <c>catalogue-test</c>: for identifiers no vendor simulator controls (OCLC numbers, a title with none at all).
/// <paramref name="ingest"/> replaces the hub's own <see cref="CanonicalIngest"/> (e.g. one without log followers).
/// </summary>
public sealed class DirectCopies(Func<IServiceProvider> services, Func<CanonicalIngest>? ingest = null)
{
    public const string Installation = "catalogue-test";
    private long _version;

    /// <summary>Adds or changes a copy; returns its canonical id.</summary>
    public async Task<string> PutAsync(string localId, string isil, string? barcode, string? isbn = null, string? ppn = null, string? oclc = null,
        string? shelfmark = "ROMAN TEST", bool lendable = true, HoldingStatus status = HoldingStatus.Available, string title = "Testtitel",
        string location = "Volwassenen romans")
    {
        var version = Interlocked.Increment(ref _version) + DateTime.UtcNow.Ticks;
        await Ingest().ApplyAsync(Installation, [new HoldingSnapshot
        {
            LocalId = localId, SourceEventId = $"{localId}-{version}", SourceVersion = version, OccurredAt = DateTimeOffset.UtcNow,
            Isil = Isil.Parse(isil), Barcode = barcode, Bibliographic = new BibliographicIds(isbn, ppn, oclc, "T" + localId), Title = title,
            MaterialType = MaterialType.Book, Location = location, Shelfmark = shelfmark, Status = status, LendableForIbl = lendable,
        }], "test", CancellationToken.None);
        return await IdAsync(localId);
    }

    /// <summary>Withdraws a copy.</summary>
    public async Task WithdrawAsync(string localId, string isil)
    {
        var version = Interlocked.Increment(ref _version) + DateTime.UtcNow.Ticks;
        await Ingest().ApplyAsync(Installation, [new HoldingGone
        {
            LocalId = localId, SourceEventId = $"{localId}-gone-{version}", SourceVersion = version, OccurredAt = DateTimeOffset.UtcNow, Isil = Isil.Parse(isil),
        }], "test", CancellationToken.None);
    }

    private CanonicalIngest Ingest() => ingest?.Invoke() ?? services().GetRequiredService<CanonicalIngest>();

    private async Task<string> IdAsync(string localId)
    {
        var database = services().GetRequiredService<Storage.HubDatabase>();
        await using var connection = await database.OpenAsync();
        return await Dapper.SqlMapper.ExecuteScalarAsync<string>(connection,
            "SELECT canonical_id FROM id_map WHERE installation_id = @i AND entity = 'holding' AND local_id = @l", new { i = Installation, l = localId })
            ?? throw new InvalidOperationException($"Copy {localId} was not mapped.");
    }
}
