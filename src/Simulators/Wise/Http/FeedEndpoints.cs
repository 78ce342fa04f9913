using Lsb.Hub.Simulators.Wise.Dialect;
using Lsb.Hub.Simulators.Wise.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lsb.Hub.Simulators.Wise.Http;

/// <summary>The library list, the item and loan mutation feeds, and item look-ups.</summary>
internal static class FeedEndpoints
{
    public static void Map(RouteGroupBuilder wise)
    {
        wise.MapGet("/library", (string installation, SimulatorState state)
            => WiseResponses.Ok(state.Require(installation).ListLibraries(), WiseSimJsonContext.Default.IReadOnlyListWiseLibraryDto));

        wise.MapGet("/itemmanagement/library/{libraryId}/itemmutations",
            (string installation, string libraryId, long? after, int? limit, SimulatorState state) =>
            {
                if (after is < 0) return WiseResponses.Error(400, "INVALID_AFTER", "after may not be negative.");
                if (Paging.Check(0, limit, state.Options.MaxPageSize, out _, out var l) is { } bad) return bad;
                var (last, entries) = state.Require(installation).ReadItemFeed(libraryId, after ?? 0, l);
                return WiseJsonResult.FeedPage(libraryId, last, entries);
            });

        wise.MapGet("/circulation/library/{libraryId}/loanmutations",
            (string installation, string libraryId, long? after, int? limit, SimulatorState state) =>
            {
                if (after is < 0) return WiseResponses.Error(400, "INVALID_AFTER", "after may not be negative.");
                if (Paging.Check(0, limit, state.Options.MaxPageSize, out _, out var l) is { } bad) return bad;
                var (last, entries) = state.Require(installation).ReadLoanFeed(libraryId, after ?? 0, l);
                return WiseJsonResult.FeedPage(libraryId, last, entries);
            });

        wise.MapGet("/itemmanagement/library/{libraryId}/item/{itemId}",
            (string installation, string libraryId, string itemId, SimulatorState state) => Item(state, installation, libraryId, itemId, null));

        wise.MapGet("/itemmanagement/library/{libraryId}/item",
            (string installation, string libraryId, string? barcode, SimulatorState state) => Item(state, installation, libraryId, null, barcode));
    }

    private static IResult Item(SimulatorState state, string installation, string libraryId, string? itemId, string? barcode)
    {
        var inst = state.Require(installation);
        if (!inst.HasLibrary(libraryId)) return WiseResponses.UnknownLibrary(installation, libraryId);
        return inst.GetItem(libraryId, itemId, barcode) is { } item
            ? WiseResponses.Ok(item, WiseSimJsonContext.Default.WiseItemDto)
            : WiseResponses.Error(404, "ITEM_NOT_FOUND", $"Library '{libraryId}' has no copy '{itemId ?? barcode}'.");
    }
}
