namespace Lsb.Hub.Tests.Ibl;

/// <summary>
/// A running hub whose IBL API a test drives through <see cref="IblScenario"/>: <see cref="IblWorld"/>, or another test
/// world with a request in it (a consolidation world moves the borrowing library while the request is in flight).
/// </summary>
public interface IIblHub
{
    /// <summary>A client that acts with <paramref name="key"/>; with null, as the world's administrator.</summary>
    HttpClient IblClient(string? key);
}
