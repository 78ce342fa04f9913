using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Lsb.Hub.Tests.HoldingsSync.Support;

/// <summary>The failed-message store as an administrator uses it: the admin HTTP API (<c>/api/v1/admin/failed-messages</c>).</summary>
public static class AdminFailedMessages
{
    /// <summary>The library's failed messages (status Failed) of <paramref name="exceptionType"/>, found with the list's
    /// library and exception-type filters, so a rejection that is not stamped with its ISIL is not found.</summary>
    public static async Task<List<JsonElement>> OfLibraryAsync(SyncWorld world, string isil, Type exceptionType)
    {
        ArgumentNullException.ThrowIfNull(exceptionType);
        using var client = world.Admin();
        var page = await client.GetFromJsonAsync<JsonElement>(
            $"/api/v1/admin/failed-messages?library={isil}&exceptionType={Uri.EscapeDataString(exceptionType.FullName!)}&pageSize=500");
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.All(items, m => Assert.Equal(exceptionType.FullName, m.GetProperty("exceptionType").GetString()));
        return items;
    }

    /// <summary>Waits until the library has at least one such failed message; answers them.</summary>
    public static Task<List<JsonElement>> WaitForAsync(SyncWorld world, string isil, Type exceptionType)
        => Eventually.WaitAsync(async () =>
        {
            var letters = await OfLibraryAsync(world, isil, exceptionType);
            return letters.Count > 0 ? letters : null;
        }, $"a {exceptionType.Name} of {isil} in the failed-message store");

    /// <summary><c>GET …/failed-messages/{id}</c>.</summary>
    public static async Task<JsonElement> DetailAsync(SyncWorld world, Guid id)
    {
        using var client = world.Admin();
        return await client.GetFromJsonAsync<JsonElement>($"/api/v1/admin/failed-messages/{id}");
    }

    /// <summary><c>POST …/failed-messages/{id}/replay</c>, then waits for the replay operation to finish; answers its final view.</summary>
    public static async Task<JsonElement> ReplayAsync(SyncWorld world, Guid id)
    {
        using var client = world.Admin();
        using var response = await client.PostAsync($"/api/v1/admin/failed-messages/{id}/replay", null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Replay of {id} answered {(int)response.StatusCode}: {body}");
        var operation = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString();
        JsonElement view = default;
        await Eventually.TrueAsync(async () =>
        {
            using var poll = world.Admin();
            view = await poll.GetFromJsonAsync<JsonElement>($"/api/v1/admin/operations/{operation}");
            return view.GetProperty("status").GetString() is "Completed" or "Stopped" or "Cancelled" && view.GetProperty("pending").GetInt32() == 0;
        }, $"replay operation {operation} to finish");
        return view;
    }
}
