namespace Lsb.Hub.Ingest.State;

/// <summary>The membership a card noted on a guest loan belongs to, in another installation than the lending one.</summary>
/// <param name="CardNumber">The card number.</param>
/// <param name="MemberId">The canonical member.</param>
/// <param name="InstallationId">The member's installation.</param>
public sealed record GuestMember(string CardNumber, string MemberId, string InstallationId);
