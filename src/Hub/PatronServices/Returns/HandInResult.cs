namespace Lsb.Hub.PatronServices.Returns;

/// <summary>What came of a <see cref="CopyHandIn"/>.</summary>
public enum HandInResult
{
    /// <summary>Checked in at the owner (or the owner needs a person to do it), the guest loan ended, the transit recorded.</summary>
    Returned,
    /// <summary>The same report was handled before; nothing changed now.</summary>
    AlreadyHandled,
    /// <summary>The returning library is not registered with the hub.</summary>
    LibraryUnknown,
    /// <summary>No copy in the union holdings has the barcode.</summary>
    BarcodeUnknown,
    /// <summary>Several copies have the barcode and none is nearest (<see cref="HandInOutcome.Candidates"/>).</summary>
    Ambiguous,
    /// <summary>The owner's system could not be reached; nothing changed, try again.</summary>
    OwnerUnavailable,
    /// <summary>The owner's system did not confirm; the check-in may have happened, a repeat is safe.</summary>
    OwnerOutcomeUnknown,
    /// <summary>The owner's system does not know the copy any more.</summary>
    CopyUnknownAtOwner,
    /// <summary>The owner's system refused the check-in.</summary>
    OwnerRefused,
}
