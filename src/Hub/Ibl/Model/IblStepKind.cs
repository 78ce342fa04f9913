namespace Lsb.Hub.Ibl.Model;

/// <summary>What a step does; each is one canonical command (except <see cref="BuildRota"/>).</summary>
public enum IblStepKind
{
    /// <summary>Borrower: LookupPatron for the member.</summary>
    ValidatePatron,
    /// <summary>Hub: find lenders in the union holdings index and order them by the rota policy.</summary>
    BuildRota,
    /// <summary>Lender: PlaceHold for the borrowing library's institutional patron.</summary>
    PlaceLenderHold,
    /// <summary>Lender: CancelHold.</summary>
    CancelLenderHold,
    /// <summary>Lender: CheckOut of the copy to the institutional patron when it is shipped.</summary>
    LenderCheckOut,
    /// <summary>Borrower: CreateTemporaryItem for the copy that arrived.</summary>
    CreateTemporaryItem,
    /// <summary>Borrower: CheckOut of the temporary copy to the member.</summary>
    BorrowerCheckOut,
    /// <summary>Lender: RenewLoan of the institutional patron's loan.</summary>
    RenewAtLender,
    /// <summary>Borrower: RenewLoan of the member's loan.</summary>
    RenewAtBorrower,
    /// <summary>Borrower: CheckIn of the temporary copy (the member returned it).</summary>
    BorrowerCheckIn,
    /// <summary>Borrower: DeleteTemporaryItem once the copy is on its way back.</summary>
    DeleteTemporaryItem,
    /// <summary>Lender: CheckIn of the copy that came back.</summary>
    LenderCheckIn,
}
