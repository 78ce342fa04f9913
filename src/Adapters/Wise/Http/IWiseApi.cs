using Lsb.Hub.Adapters.Wise.Dto;
using Refit;

namespace Lsb.Hub.Adapters.Wise.Http;

/// <summary>
/// The Wise REST API as the adapter uses it (docs/vendors/wise.md). Every call returns the raw response: the adapter
/// classifies status codes itself and keeps feed records exactly as read.
/// </summary>
internal interface IWiseApi
{
    [Get("/library")]
    Task<HttpResponseMessage> ListLibraries(CancellationToken cancellationToken);

    [Get("/patronmanagement/patron/library/{libraryId}/updatedpatron")]
    Task<HttpResponseMessage> UpdatedPatrons(string libraryId, string date, int offset, int limit, CancellationToken cancellationToken);

    [Get("/patronmanagement/patron/library/{libraryId}/deletedpatron")]
    Task<HttpResponseMessage> DeletedPatrons(string libraryId, string date, int offset, int limit, CancellationToken cancellationToken);

    [Post("/patronmanagement/patron/library/{libraryId}/patroninformation")]
    Task<HttpResponseMessage> PatronInformationBatch(string libraryId, [Body] WisePatronBatchRequest request, CancellationToken cancellationToken);

    [Get("/patron/{patronSystemId}/library/{libraryId}/patroninformation")]
    Task<HttpResponseMessage> PatronInformation(string patronSystemId, string libraryId, CancellationToken cancellationToken);

    [Get("/library/{libraryId}/patron")]
    Task<HttpResponseMessage> SearchPatrons(string libraryId, string search, int offset, int limit, CancellationToken cancellationToken);

    [Post("/patron/authentication")]
    Task<HttpResponseMessage> Authenticate([Body] WiseAuthenticationRequest request, CancellationToken cancellationToken);

    [Get("/itemmanagement/library/{libraryId}/itemmutations")]
    Task<HttpResponseMessage> ItemMutations(string libraryId, long after, int limit, CancellationToken cancellationToken);

    [Get("/circulation/library/{libraryId}/loanmutations")]
    Task<HttpResponseMessage> LoanMutations(string libraryId, long after, int limit, CancellationToken cancellationToken);

    [Get("/itemmanagement/library/{libraryId}/item/{itemId}")]
    Task<HttpResponseMessage> Item(string libraryId, string itemId, CancellationToken cancellationToken);

    [Get("/itemmanagement/library/{libraryId}/item")]
    Task<HttpResponseMessage> ItemByBarcode(string libraryId, string barcode, CancellationToken cancellationToken);

    [Post("/circulation/library/{libraryId}/checkout")]
    Task<HttpResponseMessage> CheckOut(string libraryId, [Body] WiseCirculationRequest request, CancellationToken cancellationToken);

    [Post("/circulation/library/{libraryId}/checkin")]
    Task<HttpResponseMessage> CheckIn(string libraryId, [Body] WiseCirculationRequest request, CancellationToken cancellationToken);

    [Post("/circulation/library/{libraryId}/renew")]
    Task<HttpResponseMessage> Renew(string libraryId, [Body] WiseCirculationRequest request, CancellationToken cancellationToken);

    [Get("/patron/{patronSystemId}/libraryId/{libraryId}/prepareHold/{titleNr}/branch/{branchId}")]
    Task<HttpResponseMessage> PrepareHold(string patronSystemId, string libraryId, string titleNr, string branchId, CancellationToken cancellationToken);

    [Post("/patron/{patronSystemId}/libraryId/{libraryId}/hold")]
    Task<HttpResponseMessage> PlaceHold(string patronSystemId, string libraryId, [Body] WisePlaceHoldRequest request, CancellationToken cancellationToken);

    [Delete("/circulation/library/{libraryId}/hold/{holdId}")]
    Task<HttpResponseMessage> CancelHold(string libraryId, string holdId, CancellationToken cancellationToken);

    [Post("/itemmanagement/library/{libraryId}/temporaryitem")]
    Task<HttpResponseMessage> CreateTemporaryItem(string libraryId, [Body] WiseTemporaryItemRequest request, CancellationToken cancellationToken);

    [Delete("/itemmanagement/library/{libraryId}/temporaryitem/{itemId}")]
    Task<HttpResponseMessage> DeleteTemporaryItem(string libraryId, string itemId, CancellationToken cancellationToken);
}
