using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lsb.Hub.Simulators.Brocade.Control;
using Lsb.Hub.Simulators.Wise;

namespace Lsb.Hub.Tests.Ibl;

/// <summary>
/// What IBL tests do in an <see cref="IblWorld"/>: put a copy on a lender's shelf and a member at a borrower (through
/// the simulators, so they reach the hub the way production data does), place requests and act on them over the API,
/// and wait for states. The API parts work on any <see cref="IIblHub"/> (a consolidation world moves a library under a request).
/// </summary>
public static class IblScenario
{
    /// <summary>A new ISBN nobody else in the run uses.</summary>
    public static string NewIsbn() => "97890" + Random.Shared.NextInt64(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A new title nobody else in the run uses, in two spellings of one ISBN: ISBN-10 with hyphens (as a member
    /// may type it) and the 13 digits of its ISBN-13 (as a library system may store it).</summary>
    public static (string Isbn10, string Isbn13) NewIsbnPair()
    {
        var nine = "94" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var sum10 = 0;
        for (var i = 0; i < 9; i++) sum10 += (10 - i) * (nine[i] - '0');
        var check10 = (11 - (sum10 % 11)) % 11;
        var twelve = "978" + nine;
        var sum13 = 0;
        for (var i = 0; i < 12; i++) sum13 += (twelve[i] - '0') * (i % 2 == 0 ? 1 : 3);
        return ($"{nine[..2]}-{nine[2..6]}-{nine[6..]}-{(check10 == 10 ? "X" : check10.ToString(System.Globalization.CultureInfo.InvariantCulture))}",
            twelve + (char)('0' + ((10 - (sum13 % 10)) % 10)));
    }

    /// <summary>A lendable, available copy of <paramref name="isbn"/> at library <paramref name="isil"/>; returns its barcode once the hub has it.</summary>
    public static async Task<string> AddCopyAsync(this IblWorld world, string isil, string isbn, string title = "Het boek van de leenketen")
    {
        var (vendor, installation, libraryId) = world.Libraries[isil];
        string barcode;
        if (vendor == "VSmart")
            barcode = world.VSmart.Control.AddCopy(installation, libraryId, new Simulators.VSmart.CopyDraft { Isbn = isbn, Title = title, Author = "A. Jansen", MaterialCode = "BK", Status = "AV", Policy = "IBL" }).Barcode;
        else if (vendor == "Wise")
            barcode = world.Wise.Control.AddItem(installation, libraryId, new ItemDraft { Isbn = isbn, Title = title, Author = "Jansen, A.", LendableForIbl = true, MaterialType = "BOEK" }).Barcode;
        else
            barcode = world.Brocade.Control.AddCopy(new CopyDraft { LibraryCode = libraryId, Isbn = isbn, Title = title, Author = "Jansen, A.", Material = "BK", Status = "A", LendableForIbl = true }).Barcode;
        await world.WaitForAsync<string>($"copy {barcode} of {isil} in the hub",
            "SELECT id FROM holdings WHERE barcode = @barcode AND status = 'Available' AND ibl_lendable = @yes", new { barcode, yes = true });
        return barcode;
    }

    /// <summary>A new member of library <paramref name="isil"/>; returns (canonical id, card number) once the hub has them.</summary>
    public static async Task<(string MemberId, string Card)> AddMemberAsync(this IblWorld world, string isil)
    {
        var (vendor, installation, libraryId) = world.Libraries[isil];
        var card = "2" + Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (vendor == "Wise") world.Wise.Control.AddPatron(installation, libraryId, new PatronDraft { CardNumber = card, GivenName = "Noor", FamilyName = "Vermeulen", Status = "ACT" });
        else if (vendor == "VSmart") world.VSmart.Control.AddBorrower(installation, libraryId, new Simulators.VSmart.BorrowerDraft { CardNumber = card, GivenName = "Noor", FamilyName = "Vermeulen", Status = "OK" });
        else world.Brocade.Control.AddMember(new MemberDraft { LibraryCode = libraryId, CardNumber = card, GivenName = "Noor", FamilyName = "Vermeulen", Status = "A" });
        var id = await world.WaitForAsync<string>($"member {card} of {isil} in the hub", "SELECT id FROM members WHERE card_number = @card", new { card });
        return (id, card);
    }

    /// <summary>Places a request as the borrowing library; returns its id.</summary>
    public static Task<string> PlaceAsync(this IblWorld world, string borrower, string memberId, string isbn)
        => world.PlaceAsync(borrower, memberId, isbn, IblWorld.LibraryKey(borrower));

    /// <summary>Places a request for library <paramref name="borrower"/> with <paramref name="key"/> (null: the administrator); returns its id.</summary>
    public static async Task<string> PlaceAsync(this IIblHub hub, string borrower, string memberId, string isbn, string? key)
    {
        using var client = hub.IblClient(key);
        var response = await client.PostAsJsonAsync("/api/v1/ibl/requests", new { requestingIsil = borrower, memberId, isbn, pickupLocation = borrower });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"placing the request: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>The request as <paramref name="key"/> sees it (null: the administrator).</summary>
    public static async Task<JsonElement> GetAsync(this IIblHub hub, string id, string? key = null)
    {
        using var client = hub.IblClient(key);
        var response = await client.GetAsync($"/api/v1/ibl/requests/{id}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"reading {id}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Posts an action as <paramref name="key"/> (null: the administrator); returns the response.</summary>
    public static async Task<HttpResponseMessage> TryActAsync(this IIblHub hub, string id, string? key, object action)
    {
        using var client = hub.IblClient(key);
        return await client.PostAsJsonAsync($"/api/v1/ibl/requests/{id}/actions", action);
    }

    /// <summary>Posts an action that must succeed; returns the new view.</summary>
    public static async Task<JsonElement> ActAsync(this IIblHub hub, string id, string? key, object action)
    {
        using var response = await hub.TryActAsync(id, key, action);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"action {JsonSerializer.Serialize(action)} on {id}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Waits until the request is in <paramref name="state"/> (and <paramref name="also"/> holds); fails with its history otherwise.</summary>
    public static async Task<JsonElement> WaitForStateAsync(this IIblHub hub, string id, string state, Func<JsonElement, bool>? also = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(120));
        JsonElement view;
        while (true)
        {
            view = await hub.GetAsync(id);
            if (view.GetProperty("state").GetString() == state && (also is null || also(view))) return view;
            if (DateTime.UtcNow > deadline || (view.GetProperty("state").GetString() != state && view.TryGetProperty("endedAt", out _)))
                throw new TimeoutException($"Request {id} did not reach {state}; it is {view.GetProperty("state").GetString()}: {Describe(view)}");
            await Task.Delay(200);
        }
    }

    /// <summary>Waits until the step of <paramref name="kind"/> (the last one) is in <paramref name="status"/>.</summary>
    public static Task<JsonElement> WaitForStepAsync(this IIblHub hub, string id, string state, string kind, string status)
        => hub.WaitForStateAsync(id, state, v => Step(v, kind) is { } s && s.GetProperty("status").GetString() == status);

    /// <summary>The last step of a kind, or null.</summary>
    public static JsonElement? Step(JsonElement view, string kind)
    {
        JsonElement? last = null;
        foreach (var step in view.GetProperty("steps").EnumerateArray())
            if (step.GetProperty("kind").GetString() == kind) last = step;
        return last;
    }

    /// <summary>The states the history passed through, in order.</summary>
    public static List<string> States(JsonElement view)
        => [.. view.GetProperty("history").EnumerateArray().Where(h => !h.TryGetProperty("from", out var f) || f.GetString() != h.GetProperty("to").GetString())
            .Select(h => h.GetProperty("to").GetString()!)];

    /// <summary>The history and steps, for failure messages.</summary>
    public static string Describe(JsonElement view)
        => string.Join(" | ", view.GetProperty("history").EnumerateArray().Select(h => $"{h.GetProperty("to").GetString()}: {h.GetProperty("what").GetString()}"
            + (h.TryGetProperty("note", out var n) ? $" ({n.GetString()})" : ""))) + " || steps: "
            + string.Join(", ", view.GetProperty("steps").EnumerateArray().Select(s => $"{s.GetProperty("kind").GetString()}={s.GetProperty("status").GetString()}"
                + (s.TryGetProperty("message", out var m) ? $" ({m.GetString()})" : "")));
}
