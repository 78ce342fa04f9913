using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Lsb.Hub.Tests.HoldingsSync.Support;

/// <summary>The failed-message store as an administrator uses it: the admin HTTP API (<c>/api/v1/admin/failed-messages</c>),
/// through clients that carry an admin key (the <c>admin</c> argument of each method makes a new one per call).</summary>
public static class AdminFailedMessages
{
    /// <summary>The failed messages (status Failed) that <paramref name="filter"/> (the list's query string) selects.</summary>
    public static async Task<List<JsonElement>> ListAsync(Func<HttpClient> admin, string filter)
    {
        ArgumentNullException.ThrowIfNull(admin);
        using var client = admin();
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/admin/failed-messages?{filter}&pageSize=500");
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    /// <summary>The library's failed messages (status Failed) of <paramref name="exceptionType"/>, found with the list's
    /// library and exception-type filters, so a rejection that is not stamped with its ISIL is not found.</summary>
    public static async Task<List<JsonElement>> OfLibraryAsync(Func<HttpClient> admin, string isil, Type exceptionType)
    {
        ArgumentNullException.ThrowIfNull(exceptionType);
        var items = await ListAsync(admin, $"library={isil}&exceptionType={Uri.EscapeDataString(exceptionType.FullName!)}");
        Assert.All(items, m => Assert.Equal(exceptionType.FullName, m.GetProperty("exceptionType").GetString()));
        return items;
    }

    /// <summary>Waits until the library has at least one such failed message; answers them.</summary>
    public static Task<List<JsonElement>> WaitForAsync(Func<HttpClient> admin, string isil, Type exceptionType)
        => Eventually.WaitAsync(async () =>
        {
            var letters = await OfLibraryAsync(admin, isil, exceptionType);
            return letters.Count > 0 ? letters : null;
        }, $"a {exceptionType.Name} of {isil} in the failed-message store");

    /// <summary><c>GET …/failed-messages/{id}</c>.</summary>
    public static async Task<JsonElement> DetailAsync(Func<HttpClient> admin, Guid id)
    {
        ArgumentNullException.ThrowIfNull(admin);
        using var client = admin();
        return await client.GetFromJsonAsync<JsonElement>($"/api/v1/admin/failed-messages/{id}");
    }

    /// <summary><c>POST …/failed-messages/{id}/replay</c>, then waits for the replay operation to finish; answers its final view.</summary>
    public static Task<JsonElement> ReplayAsync(Func<HttpClient> admin, Guid id) => RunReplayAsync(admin, $"/api/v1/admin/failed-messages/{id}/replay", null);

    /// <summary><c>POST …/failed-messages/replay</c> with <paramref name="selection"/> (ids, a group or a filter), then waits for the
    /// operation to finish; answers its final view.</summary>
    public static Task<JsonElement> ReplayAsync(Func<HttpClient> admin, object selection) => RunReplayAsync(admin, "/api/v1/admin/failed-messages/replay", selection);

    private static async Task<JsonElement> RunReplayAsync(Func<HttpClient> admin, string path, object? selection)
    {
        ArgumentNullException.ThrowIfNull(admin);
        using var client = admin();
        using var response = selection is null ? await client.PostAsync(path, null) : await client.PostAsJsonAsync(path, selection);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"POST {path} answered {(int)response.StatusCode}: {body}");
        var operation = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString();
        JsonElement view = default;
        await Eventually.TrueAsync(async () =>
        {
            using var poll = admin();
            view = await poll.GetFromJsonAsync<JsonElement>($"/api/v1/admin/operations/{operation}");
            return view.GetProperty("status").GetString() is "Completed" or "Stopped" or "Cancelled" && view.GetProperty("pending").GetInt32() == 0;
        }, $"replay operation {operation} to finish");
        return view;
    }
}
