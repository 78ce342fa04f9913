namespace Lsb.Hub.Tests.CustomerView.Support;

/// <summary>E-book loan events as the KB platform sends them (JSON shapes of POST /api/v1/digital-loans).</summary>
public static class EbookEvents
{
    public const string DeAvonden = "9789023466123";
    public const string HetDiner = "9789044621198";
    public const string Tirza = "9789029526937";

    public static object Started(string eventId, string loanId, string isil, string card, string isbn, string title, DateTimeOffset startedAt,
        DateTimeOffset? dueAt = null) => new
    {
        eventId, type = "started", loanId, homeIsil = isil, cardNumber = card, isbn, title,
        occurredAt = startedAt.ToString("O"), startedAt = startedAt.ToString("O"), dueAt = (dueAt ?? startedAt.AddDays(21)).ToString("O"),
    };

    public static object Renewed(string eventId, string loanId, string isil, string card, string isbn, DateTimeOffset at, DateTimeOffset dueAt) => new
    {
        eventId, type = "renewed", loanId, homeIsil = isil, cardNumber = card, isbn, occurredAt = at.ToString("O"), dueAt = dueAt.ToString("O"),
    };

    public static object Ended(string eventId, string loanId, string isil, string card, string isbn, DateTimeOffset endedAt) => new
    {
        eventId, type = "ended", loanId, homeIsil = isil, cardNumber = card, isbn, occurredAt = endedAt.ToString("O"), endedAt = endedAt.ToString("O"),
    };
}
