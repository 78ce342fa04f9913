using System.Net.Http.Json;
using System.Text.Json;

namespace Lsb.Hub.Tests.Infrastructure;

/// <summary>Reads a paged event feed to its end: the raw log (<c>/api/v1/events</c>, admin) or the DWH feed
/// (<c>/api/v1/dwh/events</c>); both answer <c>events</c> and the cursor <c>next</c>.</summary>
public static class EventPages
{
    public static async Task<List<JsonElement>> ReadAllAsync(HttpClient client, string path)
    {
        ArgumentNullException.ThrowIfNull(client);
        var all = new List<JsonElement>();
        long after = 0;
        while (true)
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"{path}?after={after}&limit=1000");
            var events = page.GetProperty("events").EnumerateArray().ToList();
            if (events.Count == 0) return all;
            all.AddRange(events);
            after = page.GetProperty("next").GetInt64();
        }
    }
}
