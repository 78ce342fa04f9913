namespace Lsb.Hub.PatronServices.Returns;

/// <summary>The states of a returned copy (<c>copy_returns.state</c>).</summary>
public static class ReturnStates
{
    /// <summary>Checked in at the owner, travelling to its own library.</summary>
    public const string InTransit = "InTransit";
    /// <summary>The owner confirmed it arrived.</summary>
    public const string Received = "Received";
    /// <summary>Returned at its own library: no transit.</summary>
    public const string AtHome = "AtHome";
}
