using System.Text.Json.Serialization;
using Lsb.Hub.Canonical.Identity;

namespace Lsb.Hub.Canonical.Commands;

/// <summary>
/// A canonical command the hub asks an installation's adapter to carry out (place a hold, check out, …). The set
/// is closed: adapters switch on the concrete type. Adapters MUST be idempotent for the same
/// <see cref="IdempotencyKey"/>: executing a command twice has the effect of executing it once
/// (the second answer is <see cref="CommandOutcome.AlreadyDone"/> or the same success).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "command")]
[JsonDerivedType(typeof(LookupPatron), nameof(LookupPatron))]
[JsonDerivedType(typeof(AuthenticatePatron), nameof(AuthenticatePatron))]
[JsonDerivedType(typeof(PlaceHold), nameof(PlaceHold))]
[JsonDerivedType(typeof(CancelHold), nameof(CancelHold))]
[JsonDerivedType(typeof(CheckOut), nameof(CheckOut))]
[JsonDerivedType(typeof(CheckIn), nameof(CheckIn))]
[JsonDerivedType(typeof(RenewLoan), nameof(RenewLoan))]
[JsonDerivedType(typeof(CreateTemporaryItem), nameof(CreateTemporaryItem))]
[JsonDerivedType(typeof(DeleteTemporaryItem), nameof(DeleteTemporaryItem))]
public abstract record IlsCommand
{
    /// <summary>A key unique to this step of this process (e.g. the saga step id).</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>The library at which the command is carried out.</summary>
    public required Isil Isil { get; init; }
}
