using Lsb.Hub.Canonical.Identity;

namespace Lsb.Hub.Adapters.Contract;

/// <summary>A copy a fixture added to its library system, in neutral terms.</summary>
/// <param name="LocalId">The copy's id in the library system.</param>
/// <param name="Barcode">Barcode.</param>
/// <param name="TitleId">The title's id in the library system (for title-level holds).</param>
/// <param name="Isil">The owning library (where commands for it are sent).</param>
public sealed record ContractCopy(string LocalId, string Barcode, string TitleId, Isil Isil);
