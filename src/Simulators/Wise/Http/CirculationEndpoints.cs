using Lsb.Hub.Simulators.Wise.Dialect;
using Lsb.Hub.Simulators.Wise.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Lsb.Hub.Simulators.Wise.Http;

/// <summary>Check-out, check-in, renewal, holds and temporary copies.</summary>
internal static class CirculationEndpoints
{
    public static void Map(RouteGroupBuilder wise)
    {
        var json = WiseSimJsonContext.Default;

        wise.MapPost("/circulation/library/{libraryId}/checkout", (string installation, string libraryId, WiseCirculationRequestDto request, SimulatorState state)
            => WiseResponses.From(state.Require(installation).CheckOut(libraryId, request), json.WiseLoanDto));

        wise.MapPost("/circulation/library/{libraryId}/checkin", (string installation, string libraryId, WiseCirculationRequestDto request, SimulatorState state)
            => WiseResponses.From(state.Require(installation).CheckIn(libraryId, request), json.WiseLoanDto));

        wise.MapPost("/circulation/library/{libraryId}/renew", (string installation, string libraryId, WiseCirculationRequestDto request, SimulatorState state)
            => WiseResponses.From(state.Require(installation).Renew(libraryId, request), json.WiseLoanDto));

        wise.MapGet("/patron/{patronSystemId}/libraryId/{libraryId}/prepareHold/{titleNr}/branch/{branchId}",
            (string installation, string patronSystemId, string libraryId, string titleNr, string branchId, SimulatorState state)
                => WiseResponses.From(state.Require(installation).PrepareHold(patronSystemId, libraryId, titleNr, branchId), json.WisePrepareHoldDto));

        wise.MapPost("/patron/{patronSystemId}/libraryId/{libraryId}/hold",
            (string installation, string patronSystemId, string libraryId, WisePlaceHoldRequestDto request, SimulatorState state)
                => WiseResponses.From(state.Require(installation).PlaceHold(patronSystemId, libraryId, request), json.WiseHoldDto, 201));

        wise.MapDelete("/circulation/library/{libraryId}/hold/{holdId}", (string installation, string libraryId, string holdId, SimulatorState state)
            => WiseResponses.From(state.Require(installation).CancelHold(libraryId, holdId), json.WiseHoldDto));

        wise.MapPost("/itemmanagement/library/{libraryId}/temporaryitem",
            (string installation, string libraryId, WiseTemporaryItemRequestDto request, SimulatorState state)
                => WiseResponses.From(state.Require(installation).CreateTemporaryItem(libraryId, request), json.WiseItemDto, 201));

        wise.MapDelete("/itemmanagement/library/{libraryId}/temporaryitem/{itemId}", (string installation, string libraryId, string itemId, SimulatorState state)
            => WiseResponses.From(state.Require(installation).DeleteTemporaryItem(libraryId, itemId), json.WiseItemDto));
    }
}
