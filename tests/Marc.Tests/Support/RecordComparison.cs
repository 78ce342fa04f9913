namespace Lsb.Hub.Marc.Tests.Support;

/// <summary>Field-for-field comparison of two readings of the same records (NFC, C0 controls ignored).</summary>
internal static class RecordComparison
{
    /// <summary>Differences as readable lines; <paramref name="leaderPositions"/> are the leader positions compared (null: none).</summary>
    public static List<string> Differences(IReadOnlyList<MarcRecord> expected, IReadOnlyList<MarcRecord> actual, IReadOnlyList<int>? leaderPositions)
    {
        var differences = new List<string>();
        if (expected.Count != actual.Count)
        {
            differences.Add($"record count: expected {expected.Count}, hub {actual.Count}");
        }

        for (var r = 0; r < Math.Min(expected.Count, actual.Count); r++)
        {
            if (leaderPositions is not null)
            {
                foreach (var p in leaderPositions)
                {
                    if (expected[r].Leader[p] != actual[r].Leader[p])
                    {
                        differences.Add($"record {r + 1} leader/{p:00}: expected '{expected[r].Leader[p]}', hub '{actual[r].Leader[p]}' ({expected[r].Leader} / {actual[r].Leader})");
                    }
                }
            }

            var a = YazDump.Lines(expected[r]).Skip(1).Select(YazDump.Normalise).ToList();
            var b = YazDump.Lines(actual[r]).Skip(1).Select(YazDump.Normalise).ToList();
            if (a.Count != b.Count)
            {
                differences.Add($"record {r + 1}: expected {a.Count} fields, hub {b.Count}");
            }

            for (var l = 0; l < Math.Min(a.Count, b.Count); l++)
            {
                if (!string.Equals(a[l], b[l], StringComparison.Ordinal))
                {
                    differences.Add($"record {r + 1} field {l + 1}:\n   expected: {a[l]}\n   hub:      {b[l]}");
                }
            }
        }

        return differences;
    }

    /// <summary>Leader positions that carry meaning (not lengths, not base address, not leader/09 which yaz's MARCXML sets to 'a').</summary>
    public static readonly int[] MeaningfulLeader = [5, 6, 7, 8, 17, 18, 19];

    public static readonly int[] AllButLengths = [5, 6, 7, 8, 9, 10, 11, 17, 18, 19, 20, 21, 22, 23];
}
