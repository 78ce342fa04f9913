using Dapper;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Canonical.Installations;
using Lsb.Hub.Storage;

namespace Lsb.Hub.Installations;

/// <summary>
/// The installation registry in the hub's database. An ISIL belongs to at most one installation; a registration that
/// would break that is refused whole (nothing is stored). Every change raises <see cref="Changed"/> in this process;
/// other nodes see it at their next refresh.
/// </summary>
public sealed class InstallationStore(HubDatabase database, TimeProvider time)
{
    // A library being moved away stays in its old installation's descriptor until the move's overlap ends
    // (Consolidation): the old installation keeps reading it for late changes.
    private const string LibrariesSql =
        "SELECT isil, installation_id, vendor_library_id, name, original_isil, merged_into FROM libraries " +
        "UNION ALL SELECT isil, installation_id, vendor_library_id, name, NULL AS original_isil, NULL AS merged_into FROM library_drains WHERE until > @now";

    /// <summary>Raised after a registration or deletion commits.</summary>
    public event Action? Changed;

    /// <summary>Stores a new installation with its libraries, or says why not.</summary>
    public async Task<RegistrationOutcome> RegisterAsync(InstallationDescriptor descriptor, string owningPoi, string? displayName, string? registeredBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await HubDatabase.BeginWriteAsync(connection, cancellationToken);
        var exists = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM installations WHERE id = @id", new { id = descriptor.Id.Value }, tx, cancellationToken: cancellationToken));
        if (exists > 0)
            return new RegistrationOutcome(false, $"Installation '{descriptor.Id}' is already registered: delete it first or choose another id.");
        foreach (var library in descriptor.Libraries)
        {
            var owner = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
                "SELECT installation_id FROM libraries WHERE isil = @isil", new { isil = library.Isil.Value }, tx, cancellationToken: cancellationToken));
            if (owner is not null)
                return new RegistrationOutcome(false, $"ISIL {library.Isil} is already registered to installation '{owner}'. A library belongs to one installation; to move it, use the re-homing operation.");
        }
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO installations (id, vendor, owning_poi, endpoint, credentials_ref, display_name, registered_at, registered_by) " +
            "VALUES (@id, @vendor, @poi, @endpoint, @credentialsRef, @displayName, @at, @by)",
            new
            {
                id = descriptor.Id.Value, vendor = descriptor.Vendor.ToString(), poi = owningPoi, endpoint = descriptor.Endpoint.ToString(),
                credentialsRef = descriptor.CredentialsRef, displayName, at = time.GetUtcNow().ToString("O"), by = registeredBy,
            }, tx, cancellationToken: cancellationToken));
        foreach (var library in descriptor.Libraries)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO libraries (isil, installation_id, vendor_library_id, name) VALUES (@isil, @installation, @vendorId, @name)",
                new { isil = library.Isil.Value, installation = descriptor.Id.Value, vendorId = library.VendorLibraryId, name = library.Name },
                tx, cancellationToken: cancellationToken));
        }
        await tx.CommitAsync(cancellationToken);
        Changed?.Invoke();
        return new RegistrationOutcome(true, null);
    }

    /// <summary>All installations, ordered by id.</summary>
    public async Task<IReadOnlyList<Installation>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var installations = (await connection.QueryAsync<InstallationRow>(new CommandDefinition(
            "SELECT * FROM installations ORDER BY id", cancellationToken: cancellationToken))).ToList();
        var libraries = (await connection.QueryAsync<LibraryRow>(new CommandDefinition(
            LibrariesSql + " ORDER BY isil", new { now = Now() }, cancellationToken: cancellationToken))).ToLookup(l => l.InstallationId);
        return [.. installations.Select(i => i.ToInstallation(libraries[i.Id]))];
    }

    /// <summary>One installation, or null.</summary>
    public async Task<Installation?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<InstallationRow>(new CommandDefinition(
            "SELECT * FROM installations WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        if (row is null) return null;
        var libraries = await connection.QueryAsync<LibraryRow>(new CommandDefinition(
            "SELECT * FROM (" + LibrariesSql + ") l WHERE l.installation_id = @id ORDER BY isil", new { id, now = Now() }, cancellationToken: cancellationToken));
        return row.ToInstallation(libraries);
    }

    /// <summary>Removes an installation and releases its ISILs. Canonical data stays (ids never depend on it).</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await HubDatabase.BeginWriteAsync(connection, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM libraries WHERE installation_id = @id", new { id }, tx, cancellationToken: cancellationToken));
        var deleted = await connection.ExecuteAsync(new CommandDefinition("DELETE FROM installations WHERE id = @id", new { id }, tx, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM ingest_cursors WHERE installation_id = @id", new { id }, tx, cancellationToken: cancellationToken));
        await tx.CommitAsync(cancellationToken);
        if (deleted > 0) Changed?.Invoke();
        return deleted > 0;
    }

    /// <summary>The library with this ISIL (current, original or former) and its installation, or null.</summary>
    public async Task<(LibraryRef Library, Installation Installation)?> FindLibraryAsync(Isil isil, CancellationToken cancellationToken)
    {
        var library = await FindRegisteredLibraryAsync(isil, cancellationToken);
        if (library is null) return null;
        var installation = await GetAsync(library.InstallationId, cancellationToken);
        return installation is null ? null : (new LibraryRef(Isil.Parse(library.Isil), library.VendorLibraryId, library.Name), installation);
    }

    /// <summary>
    /// The library registered under this ISIL: its current ISIL, its original one, or a former one (a library that merged
    /// into another answers with the library it merged into; <see cref="RegisteredLibrary.OriginalIsil"/> is then the
    /// ISIL asked for). Null when none.
    /// </summary>
    public async Task<RegisteredLibrary?> FindRegisteredLibraryAsync(Isil isil, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QueryFirstOrDefaultAsync<LibraryRow>(new CommandDefinition(
            "SELECT * FROM libraries WHERE isil = @isil OR original_isil = @isil ORDER BY CASE WHEN isil = @isil THEN 0 ELSE 1 END",
            new { isil = isil.Value }, cancellationToken: cancellationToken));
        if (row is { MergedInto: null }) return new RegisteredLibrary(row.Isil, row.InstallationId, row.VendorLibraryId, row.Name, row.OriginalIsil);
        var current = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT current_isil FROM isil_history WHERE isil = @isil", new { isil = isil.Value }, cancellationToken: cancellationToken));
        if (current is null) return null;
        row = await connection.QuerySingleOrDefaultAsync<LibraryRow>(new CommandDefinition(
            "SELECT * FROM libraries WHERE isil = @current", new { current }, cancellationToken: cancellationToken));
        return row is null ? null : new RegisteredLibrary(row.Isil, row.InstallationId, row.VendorLibraryId, row.Name, isil.Value);
    }

    /// <summary>Every ISIL of the library this ISIL names now or named once: the current one and all former ones.</summary>
    public async Task<IReadOnlyCollection<string>> IsilsOfAsync(Isil isil, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var current = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT current_isil FROM isil_history WHERE isil = @isil", new { isil = isil.Value }, cancellationToken: cancellationToken)) ?? isil.Value;
        var former = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT isil FROM isil_history WHERE current_isil = @current", new { current }, cancellationToken: cancellationToken));
        return [.. former.Append(current).Append(isil.Value).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Raises <see cref="Changed"/>: for writers of the registry outside this class (a move's cut-over), after they commit.</summary>
    public void NotifyChanged() => Changed?.Invoke();

    private string Now() => time.GetUtcNow().ToUniversalTime().ToString("O");

    private sealed class InstallationRow
    {
        public string Id { get; set; } = "";
        public string Vendor { get; set; } = "";
        public string OwningPoi { get; set; } = "";
        public string Endpoint { get; set; } = "";
        public string CredentialsRef { get; set; } = "";
        public string? DisplayName { get; set; }
        public string RegisteredAt { get; set; } = "";
        public string? RegisteredBy { get; set; }

        public Installation ToInstallation(IEnumerable<LibraryRow> libraries) => new(
            new InstallationDescriptor(InstallationId.Parse(Id), Enum.Parse<Vendor>(Vendor), new Uri(Endpoint), CredentialsRef,
                [.. libraries.Select(l => l.ToLibraryRef())]),
            OwningPoi, DisplayName, DateTimeOffset.Parse(RegisteredAt, System.Globalization.CultureInfo.InvariantCulture), RegisteredBy);
    }

    private sealed class LibraryRow
    {
        public string Isil { get; set; } = "";
        public string InstallationId { get; set; } = "";
        public string VendorLibraryId { get; set; } = "";
        public string? Name { get; set; }
        public string? OriginalIsil { get; set; }
        public string? MergedInto { get; set; }

        public LibraryRef ToLibraryRef() => new(Canonical.Identity.Isil.Parse(Isil), VendorLibraryId, Name);
    }
}
