using Lsb.Hub.Canonical.Identity;

namespace Lsb.Hub.PatronServices.Returns;

/// <summary>A copy handed in at a library, whichever library owns it: from <c>POST /api/v1/returns</c>, or reported by the
/// returning library's own system (<see cref="Lsb.Hub.Adapters.Changes.ForeignCopyReturned"/>).</summary>
/// <param name="Barcode">The barcode scanned.</param>
/// <param name="ReturningIsil">Where it was handed in.</param>
/// <param name="OwningIsil">The owner, when the caller knows it (settles a barcode several systems use).</param>
/// <param name="ReturnedBy">Who handed it in: the API key's name, or <c>desk:{installation}</c>.</param>
/// <param name="CorrelationId">Correlation id of the events written.</param>
/// <param name="Report">The returning system's report this hand-in comes from; null for the API.</param>
public sealed record CopyHandIn(string Barcode, Isil ReturningIsil, string? OwningIsil, string ReturnedBy, string? CorrelationId, ForeignReturnReport? Report = null);
