using CsvHelper;

namespace Lsb.Hub.Consolidation;

/// <summary>
/// A migration map as vendors deliver it: CSV (comma or semicolon, detected from the header), a header row with the
/// columns <c>entity</c> (member, copy or loan), <c>old_id</c> and <c>new_id</c>; <c>#</c> starts a comment line.
/// Reading NEVER throws for bad content: every unreadable line becomes a <see cref="MoveProblem"/>, so one dry run
/// reports all of them.
/// </summary>
public sealed class MigrationMap
{
    private MigrationMap(IReadOnlyList<MapEntry> entries, IReadOnlyList<MoveProblem> problems)
    {
        Entries = entries;
        Problems = problems;
    }

    /// <summary>The lines that could be read.</summary>
    public IReadOnlyList<MapEntry> Entries { get; }

    /// <summary>What was wrong with the file itself (missing columns, unknown entities, empty ids).</summary>
    public IReadOnlyList<MoveProblem> Problems { get; }

    /// <summary>Reads a map from CSV text.</summary>
    public static MigrationMap Parse(string? csvText)
    {
        var problems = new List<MoveProblem>();
        var entries = new List<MapEntry>();
        if (string.IsNullOrWhiteSpace(csvText))
        {
            problems.Add(MoveProblem.Map("map.empty", null, "The migration map is empty: send CSV with the header 'entity,old_id,new_id' and one line per member, copy and loan."));
            return new MigrationMap(entries, problems);
        }
        var header = csvText.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith('#')) ?? string.Empty;
        var separator = header.Contains(';', StringComparison.Ordinal) && !header.Contains(',', StringComparison.Ordinal) ? ';' : ',';
        var options = CsvReaderOptions.Default with
        {
            Separator = separator, HasHeader = true, CommentPrefix = '#', TrimWhitespace = true, TrackLineNumbers = true,
        };
        try
        {
            using var csv = CsvReader.FromText(csvText, options);
            var entity = Column(csv, "entity", problems);
            var oldId = Column(csv, "old_id", problems);
            var newId = Column(csv, "new_id", problems);
            if (entity < 0 || oldId < 0 || newId < 0) return new MigrationMap(entries, problems);
            while (csv.Read())
            {
                var line = (int)csv.LineNumber;
                var kind = csv.GetString(entity);
                var oldLocal = csv.GetString(oldId);
                var newLocal = csv.GetString(newId);
                if (kind.Length == 0 && oldLocal.Length == 0 && newLocal.Length == 0) continue;
                if (!TryEntity(kind, out var parsed))
                {
                    problems.Add(MoveProblem.Map("map.unknown-entity", line, $"Line {line}: entity '{kind}' is not one of member, copy, loan."));
                    continue;
                }
                if (oldLocal.Length == 0 || newLocal.Length == 0)
                {
                    problems.Add(MoveProblem.Map("map.empty-id", line, $"Line {line}: a {kind} needs both old_id and new_id."));
                    continue;
                }
                entries.Add(new MapEntry(line, parsed, oldLocal, newLocal));
            }
        }
        catch (CsvFormatException e)
        {
            problems.Add(MoveProblem.Map("map.unreadable", null, $"The migration map is not readable CSV: {e.Message} Correct the file and send it again."));
        }
        return new MigrationMap(entries, problems);
    }

    private static int Column(CsvReader csv, string name, List<MoveProblem> problems)
    {
        if (csv.TryGetFieldIndex(name, out var index)) return index;
        problems.Add(MoveProblem.Map("map.missing-column", 1,
            $"The migration map has no column '{name}' (header: {string.Join(',', csv.Headers)}); the header must be 'entity,old_id,new_id'."));
        return -1;
    }

    private static bool TryEntity(string text, out MapEntity entity)
    {
        switch (text.ToLowerInvariant())
        {
            case "member" or "patron" or "borrower": entity = MapEntity.Member; return true;
            case "copy" or "item" or "holding": entity = MapEntity.Copy; return true;
            case "loan": entity = MapEntity.Loan; return true;
            default: entity = default; return false;
        }
    }
}
