using Dapper;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Installations;
using Lsb.Hub.Storage;

namespace Lsb.Hub.Consolidation;

/// <summary>
/// Validates a requested move without changing anything: the request (target, cut-over, merger), then the migration
/// map against the hub's id map — every line's old id must be one of the library's entities in the source, no line may
/// repeat an old or a new id, no new id may already name another entity in the target, and every member, copy and open
/// loan of the library must be in the map (otherwise the target would later report it under an id the hub has never
/// seen, and the hub would take it for a new entity with a new canonical id). Reports every problem, not the first.
/// </summary>
public sealed class MoveValidator(HubDatabase database, IEnumerable<IMoveParticipant> participants, TimeProvider time)
{
    /// <summary>Problems listed per code at most; the rest are counted in one line.</summary>
    public const int MaxListedPerCode = 200;

    /// <summary>Default overlap after the cut-over.</summary>
    public static readonly TimeSpan DefaultOverlap = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan MaxOverlap = TimeSpan.FromDays(7);

    /// <summary>Validates; the plan is null when there are problems.</summary>
    public async Task<(MoveReport Report, MovePlan? Plan)> ValidateAsync(RegisteredLibrary library, Installation source, Installation target,
        MoveRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<MoveProblem>();
        var warnings = new List<MoveProblem>();
        var isil = Isil.Parse(library.Isil);
        var now = time.GetUtcNow();
        var cutOver = request.CutOverAt is { } at && at > now ? at : now;
        var overlap = request.Overlap ?? DefaultOverlap;
        await using var connection = await database.OpenAsync(cancellationToken);
        await ValidateRequestAsync(connection, library, source, target, request, overlap, problems, cancellationToken);

        var map = MigrationMap.Parse(request.MigrationMap);
        problems.AddRange(map.Problems);
        var bindings = new List<Binding>();
        var counts = new Dictionary<MapEntity, EntityCounts>();
        foreach (var entity in Enum.GetValues<MapEntity>())
        {
            counts[entity] = await ValidateEntityAsync(connection, database.Dialect, isil, source.Id, target.Id, entity,
                [.. map.Entries.Where(e => e.Entity == entity)], bindings, problems, warnings, cancellationToken);
        }
        var plan = new MovePlan(library.Isil, source, library.VendorLibraryId, library.Name, target, request.TargetVendorLibraryId!.Trim(),
            request.MergeInto is null ? null : Isil.Parse(request.MergeInto).Value, cutOver, cutOver + overlap, bindings);
        foreach (var participant in participants)
            await participant.ValidateAsync(plan, problems, cancellationToken);

        var report = new MoveReport
        {
            Isil = library.Isil, SourceInstallation = source.Id, TargetInstallation = target.Id,
            Members = counts[MapEntity.Member], Copies = counts[MapEntity.Copy], Loans = counts[MapEntity.Loan],
            Problems = Capped(problems), Warnings = Capped(warnings),
        };
        return (report, report.Ok ? plan : null);
    }

    private static async Task ValidateRequestAsync(System.Data.Common.DbConnection connection, RegisteredLibrary library, Installation source,
        Installation target, MoveRequest request, TimeSpan overlap, List<MoveProblem> problems, CancellationToken cancellationToken)
    {
        if (source.Id == target.Id)
            problems.Add(new("request.same-installation", null, null, null,
                $"Library {library.Isil} is already in installation '{target.Id}': name another target installation."));
        if (overlap < TimeSpan.Zero || overlap > MaxOverlap)
            problems.Add(new("request.overlap", null, null, null, $"overlap must be between 0 and {MaxOverlap.TotalDays:0} days; got {overlap}."));
        var open = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT id FROM library_moves WHERE isil = @isil AND status <> 'Completed'", new { isil = library.Isil }, cancellationToken: cancellationToken));
        if (open is not null)
            problems.Add(new("request.move-in-progress", null, null, open,
                $"Library {library.Isil} is already moving (move {open}): wait until it is Completed, see GET /api/v1/libraries/{library.Isil}/moves/{open}."));
        var targetLibrary = request.TargetVendorLibraryId!.Trim();
        var taken = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT isil FROM libraries WHERE installation_id = @installation AND vendor_library_id = @library",
            new { installation = target.Id, library = targetLibrary }, cancellationToken: cancellationToken));
        Isil? merged = null;
        if (request.MergeInto is not null)
        {
            if (!Isil.TryParse(request.MergeInto, out var parsed, out var error))
            {
                problems.Add(new("request.merge-into", null, null, request.MergeInto, $"mergeInto: {error}"));
                return;
            }
            merged = parsed;
            var mergedInstallation = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
                "SELECT installation_id FROM libraries WHERE isil = @isil AND merged_into IS NULL", new { isil = parsed.Value }, cancellationToken: cancellationToken));
            if (parsed.Value == library.Isil)
                problems.Add(new("request.merge-into", null, null, parsed.Value, $"mergeInto names the library itself ({parsed}); name the library it merges into."));
            else if (mergedInstallation != target.Id)
                problems.Add(new("request.merge-into", null, null, parsed.Value,
                    $"mergeInto {parsed} must be a library of installation '{target.Id}'" +
                    (mergedInstallation is null ? ", and it is not registered: register it with the installation first." : $"; it is in '{mergedInstallation}'.")));
        }
        if (taken is not null && taken != merged?.Value)
            problems.Add(new("request.target-library-taken", null, null, targetLibrary,
                $"Library '{targetLibrary}' of installation '{target.Id}' is already registered as {taken}. For a merger into it, set mergeInto to {taken}; otherwise name the library's own id in the target."));
    }

    private static async Task<EntityCounts> ValidateEntityAsync(System.Data.Common.DbConnection connection, SqlDialect dialect, Isil isil, string source, string target,
        MapEntity entity, List<MapEntry> lines, List<Binding> bindings, List<MoveProblem> problems, List<MoveProblem> warnings,
        CancellationToken cancellationToken)
    {
        var name = entity.ToString().ToLowerInvariant();
        var idMapEntity = LibraryEntities.IdMapEntity(entity);
        var known = await LibraryEntities.LoadAsync(connection, source, isil, entity, cancellationToken);
        var elsewhere = await LibraryEntities.MappedAsync(connection, dialect, source, idMapEntity,
            lines.Select(l => l.OldLocalId).Where(id => !known.ContainsKey(id)), cancellationToken);
        var takenInTarget = await LibraryEntities.MappedAsync(connection, dialect, target, idMapEntity, lines.Select(l => l.NewLocalId), cancellationToken);
        var seenOld = new Dictionary<string, int>(StringComparer.Ordinal);
        var seenNew = new Dictionary<string, int>(StringComparer.Ordinal);
        int matched = 0, unknown = 0, conflicts = 0;
        foreach (var line in lines)
        {
            var bad = false;
            if (seenOld.TryGetValue(line.OldLocalId, out var firstOld))
            {
                problems.Add(new("map.duplicate-old-id", name, line.Line, line.OldLocalId,
                    $"Line {line.Line}: {name} '{line.OldLocalId}' is mapped again (first on line {firstOld}); one old id has one new id."));
                conflicts++;
                bad = true;
            }
            else seenOld[line.OldLocalId] = line.Line;
            if (seenNew.TryGetValue(line.NewLocalId, out var firstNew))
            {
                problems.Add(new("map.duplicate-new-id", name, line.Line, line.NewLocalId,
                    $"Line {line.Line}: new {name} id '{line.NewLocalId}' is already the target of line {firstNew}; two old {name}s cannot become one."));
                conflicts++;
                bad = true;
            }
            else seenNew[line.NewLocalId] = line.Line;
            if (!known.TryGetValue(line.OldLocalId, out var entry))
            {
                unknown++;
                problems.Add(elsewhere.ContainsKey(line.OldLocalId)
                    ? new MoveProblem("map.not-this-library", name, line.Line, line.OldLocalId,
                        $"Line {line.Line}: {name} '{line.OldLocalId}' of installation '{source}' is not one of library {isil}'s (another library's, or not seen yet): remove the line or correct the id.")
                    : new MoveProblem("map.unknown-old-id", name, line.Line, line.OldLocalId,
                        $"Line {line.Line}: the hub knows no {name} '{line.OldLocalId}' in installation '{source}': correct the old id (it is the id in the source system)."));
                continue;
            }
            if (takenInTarget.TryGetValue(line.NewLocalId, out var other) && other != entry.CanonicalId)
            {
                problems.Add(new("map.new-id-taken", name, line.Line, line.NewLocalId,
                    $"Line {line.Line}: {name} '{line.NewLocalId}' of installation '{target}' already names another {name} in the hub ({other}): the target must give the migrated {name} an id of its own."));
                conflicts++;
                continue;
            }
            if (bad) continue;
            matched++;
            bindings.Add(new Binding(idMapEntity, line.OldLocalId, line.NewLocalId, entry.CanonicalId));
        }
        var notInMap = 0;
        foreach (var item in known.Values.Where(k => !seenOld.ContainsKey(k.LocalId)).OrderBy(k => k.LocalId, StringComparer.Ordinal))
        {
            notInMap++;
            if (item.Active == 1)
                problems.Add(new("hub.not-in-map", name, null, item.LocalId,
                    $"{Capitalised(name)} '{item.LocalId}' ({item.CanonicalId}) of library {isil} is not in the map: add its new id, or the target would report it as a new {name}."));
            else
                warnings.Add(new("hub.history-not-in-map", name, null, item.LocalId,
                    $"{Capitalised(name)} '{item.LocalId}' ({item.CanonicalId}) is not in the map; it has ended, so it stays in the hub's history under its canonical id."));
        }
        return new EntityCounts(lines.Count, known.Count, matched, notInMap, unknown, conflicts);
    }

    private static string Capitalised(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    private static List<MoveProblem> Capped(List<MoveProblem> all)
    {
        var listed = new List<MoveProblem>();
        foreach (var group in all.GroupBy(p => p.Code))
        {
            listed.AddRange(group.Take(MaxListedPerCode));
            var more = group.Count() - MaxListedPerCode;
            if (more > 0)
                listed.Add(new(group.Key, null, null, null, $"… and {more} more of '{group.Key}' (at most {MaxListedPerCode} are listed per kind)."));
        }
        return listed;
    }
}
