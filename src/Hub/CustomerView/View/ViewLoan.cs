namespace Lsb.Hub.CustomerView.View;

/// <summary>One loan in the customer view.</summary>
/// <param name="LoanId">Canonical loan id.</param>
/// <param name="Kind">Physical or Digital.</param>
/// <param name="MemberId">The membership it belongs to.</param>
/// <param name="Title">Title (of the copy or e-book).</param>
/// <param name="EbookIsbn">ISBN/EAN of an e-book.</param>
/// <param name="HoldingId">The copy of a physical loan.</param>
/// <param name="LibraryIsil">The library that lent it.</param>
/// <param name="LibraryName">Its name, when the library is registered.</param>
/// <param name="InstallationId">The ILS installation of a physical loan.</param>
/// <param name="Source">Where the hub has it from: an installation id, or <c>kb-ebook-platform</c>.</param>
/// <param name="StartedAt">Start.</param>
/// <param name="DueAt">Due date.</param>
/// <param name="EndedAt">End, for history.</param>
/// <param name="Renewals">Renewals so far.</param>
public sealed record ViewLoan(
    string LoanId,
    string Kind,
    string MemberId,
    string? Title,
    string? EbookIsbn,
    string? HoldingId,
    string LibraryIsil,
    string? LibraryName,
    string? InstallationId,
    string Source,
    DateTimeOffset StartedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? EndedAt,
    int Renewals);
