namespace Lsb.Hub.CustomerView.Persons;

/// <summary>Why a membership belongs to its person (stored in <c>member_persons.linked_by</c>).</summary>
public static class LinkReason
{
    /// <summary>No other membership matches: the person has this one membership.</summary>
    public const string Own = "own";

    /// <summary>Another membership has the same national user id.</summary>
    public const string NationalUserId = "national-user-id";

    /// <summary>Another membership has the same card number (and nothing contradicts it).</summary>
    public const string CardNumber = "card-number";
}
