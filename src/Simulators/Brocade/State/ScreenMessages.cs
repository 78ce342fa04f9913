namespace Lsb.Hub.Simulators.Brocade.State;

/// <summary>The Dutch screen messages (SIP2 AF) the simulated Brocade gives; mappings/brocade/screen-messages.csv classifies them.</summary>
internal static class ScreenMessages
{
    public const string PatronUnknown = "Lener onbekend";
    public const string PatronBlocked = "Pas geblokkeerd";
    public const string PatronExpired = "Lidmaatschap verlopen";
    public const string CopyUnknown = "Exemplaar onbekend";
    public const string OnLoanToOther = "Exemplaar is uitgeleend aan een andere lener";
    public const string AlreadyLentToPatron = "Exemplaar was al uitgeleend aan deze lener";
    public const string NotLendable = "Exemplaar is niet uitleenbaar";
    public const string NotOnLoan = "Exemplaar is niet uitgeleend";
    public const string RenewalLimit = "Maximaal aantal verlengingen bereikt";
    public const string ReservedForOther = "Exemplaar is gereserveerd door een andere lener";
    public const string HoldNotFound = "Reservering niet gevonden";
    public const string HoldExists = "Titel is al gereserveerd door deze lener";
    public const string TitleUnknown = "Titel onbekend";
    public const string UnknownInstitution = "Onbekende instelling";
}
