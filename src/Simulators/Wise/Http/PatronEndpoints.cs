using Lsb.Hub.Simulators.Wise.Dialect;
using Lsb.Hub.Simulators.Wise.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lsb.Hub.Simulators.Wise.Http;

/// <summary>Patron endpoints: the delta lists, patron information (single and bulk), card search and validation, login.</summary>
internal static class PatronEndpoints
{
    public static void Map(RouteGroupBuilder wise)
    {
        wise.MapGet("/patronmanagement/patron/library/{libraryId}/updatedpatron",
            (string installation, string libraryId, string? date, int? offset, int? limit, SimulatorState state) =>
            {
                if (!Paging.TryParseDate(date, out var since))
                    return WiseResponses.Error(400, "INVALID_DATE", $"date must be given as yyyy-MM-dd, not '{date}'.");
                if (Paging.Check(offset, limit, state.Options.MaxPageSize, out var o, out var l) is { } bad) return bad;
                return WiseResponses.Ok(state.Require(installation).UpdatedPatrons(libraryId, since, o, l),
                    WiseSimJsonContext.Default.WisePatronListDtoWiseUpdatedPatronDto);
            });

        wise.MapGet("/patronmanagement/patron/library/{libraryId}/deletedpatron",
            (string installation, string libraryId, string? date, int? offset, int? limit, SimulatorState state) =>
            {
                DateOnly? since = null;
                if (date is not null)
                {
                    if (!Paging.TryParseDate(date, out var day)) return WiseResponses.Error(400, "INVALID_DATE", $"date must be given as yyyy-MM-dd, not '{date}'.");
                    since = day;
                }
                if (Paging.Check(offset, limit, state.Options.MaxPageSize, out var o, out var l) is { } bad) return bad;
                return WiseResponses.Ok(state.Require(installation).DeletedPatrons(libraryId, since, o, l),
                    WiseSimJsonContext.Default.WisePatronListDtoWiseDeletedPatronDto);
            });

        wise.MapPost("/patronmanagement/patron/library/{libraryId}/patroninformation",
            (string installation, string libraryId, WisePatronBatchRequestDto request, SimulatorState state) =>
            {
                if (request.PatronSystemIds.Count > state.Options.MaxPageSize)
                    return WiseResponses.Error(400, "TOO_MANY_IDS", $"Ask for at most {state.Options.MaxPageSize} patrons at once.");
                var inst = state.Require(installation);
                if (!inst.HasLibrary(libraryId)) return WiseResponses.UnknownLibrary(installation, libraryId);
                return WiseResponses.Ok(new WisePatronBatchDto(inst.GetPatrons(libraryId, request.PatronSystemIds)), WiseSimJsonContext.Default.WisePatronBatchDto);
            });

        wise.MapGet("/patron/{patronSystemId}/library/{libraryId}/patroninformation",
            (string installation, string patronSystemId, string libraryId, SimulatorState state) =>
            {
                var inst = state.Require(installation);
                if (!inst.HasLibrary(libraryId)) return WiseResponses.UnknownLibrary(installation, libraryId);
                return inst.GetPatron(libraryId, patronSystemId) is { } patron
                    ? WiseResponses.Ok(patron, WiseSimJsonContext.Default.WisePatronDto)
                    : WiseResponses.Error(404, "PATRON_NOT_FOUND", $"Library '{libraryId}' has no patron '{patronSystemId}'.");
            });

        wise.MapGet("/patron/cardnumber/{cardNumber}/library/{libraryId}",
            (string installation, string cardNumber, string libraryId, SimulatorState state) =>
            {
                var inst = state.Require(installation);
                if (!inst.HasLibrary(libraryId)) return WiseResponses.UnknownLibrary(installation, libraryId);
                return inst.CardIsValid(libraryId, cardNumber)
                    ? Results.NoContent()
                    : WiseResponses.Error(404, "CARD_NOT_VALID", $"Card '{cardNumber}' is not a valid card of library '{libraryId}'.");
            });

        wise.MapGet("/library/{libraryId}/patron",
            (string installation, string libraryId, string? search, int? offset, int? limit, SimulatorState state) =>
            {
                if (Paging.Check(offset, limit, state.Options.MaxPageSize, out var o, out var l) is { } bad) return bad;
                var inst = state.Require(installation);
                if (!inst.HasLibrary(libraryId)) return WiseResponses.UnknownLibrary(installation, libraryId);
                return WiseResponses.Ok(inst.SearchPatrons(libraryId, search, o, l), WiseSimJsonContext.Default.WisePatronListDtoWisePatronIdDto);
            });

        wise.MapPost("/patron/authentication",
            (string installation, WiseAuthenticationRequestDto request, SimulatorState state)
                => WiseResponses.From(state.Require(installation).Authenticate(request.LibraryId, request.CardNumber, request.Password),
                    WiseSimJsonContext.Default.WiseAuthenticationDto));
    }
}
