namespace Lsb.Hub.Simulators.VSmart.State;

/// <summary>How an NCIP message names a borrower: by V-smart id, by card number, or by card and PIN (AuthenticationInput).</summary>
internal sealed record PatronKey(string? BorrowerId, string? CardNumber, string? Pin = null);
