namespace Lsb.Hub.DigitalLoans;

/// <summary>The source system name of everything the KB e-book platform sends (<c>EventSource.System</c>).</summary>
public static class DigitalLoanSource
{
    /// <summary><c>kb-ebook-platform</c>.</summary>
    public const string System = "kb-ebook-platform";
}
