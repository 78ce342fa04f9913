namespace Lsb.Hub.CustomerView.Persons;

/// <summary>
/// Groups memberships into persons by <see cref="MatchRules"/> (union-find; links are transitive). Only memberships
/// that share a card number or a national user id are compared, so a page of a thousand new members costs a
/// thousand bucket look-ups, not half a million comparisons.
/// </summary>
public static class PersonGroups
{
    /// <summary>The groups of <paramref name="members"/> and each member's strongest link reason.</summary>
    public static List<(List<LinkCandidate> Members, Dictionary<string, string> Reasons)> Of(List<LinkCandidate> members)
    {
        // Only memberships that share a card number or a national user id can match: compare within those buckets.
        var parent = Enumerable.Range(0, members.Count).ToArray();
        var reasons = members.ToDictionary(m => m.MemberId, _ => LinkReason.Own, StringComparer.Ordinal);
        var buckets = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < members.Count; i++)
        {
            if (MatchRules.Clean(members[i].CardNumber) is { } card) Bucket(buckets, "c:" + card).Add(i);
            if (MatchRules.Clean(members[i].NationalUserId) is { } national) Bucket(buckets, "n:" + national).Add(i);
        }
        foreach (var bucket in buckets.Values)
        {
            for (var x = 0; x < bucket.Count; x++)
            {
                for (var y = x + 1; y < bucket.Count; y++)
                {
                    int i = bucket[x], j = bucket[y];
                    var reason = MatchRules.Match(members[i], members[j]);
                    if (reason is null) continue;
                    parent[Find(parent, i)] = Find(parent, j);
                    Strongest(reasons, members[i].MemberId, reason);
                    Strongest(reasons, members[j].MemberId, reason);
                }
            }
        }
        return [.. Enumerable.Range(0, members.Count).GroupBy(i => Find(parent, i))
            .Select(g => (g.Select(i => members[i]).OrderBy(m => m.MemberId, StringComparer.Ordinal).ToList(), reasons))];
    }

    private static List<int> Bucket(Dictionary<string, List<int>> buckets, string key)
    {
        if (!buckets.TryGetValue(key, out var list)) buckets[key] = list = [];
        return list;
    }

    private static void Strongest(Dictionary<string, string> reasons, string memberId, string reason)
    {
        if (reasons[memberId] != LinkReason.NationalUserId) reasons[memberId] = reason;
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    }
}
