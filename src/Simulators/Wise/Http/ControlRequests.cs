namespace Lsb.Hub.Simulators.Wise.Http;

/// <summary>Bodies of the control API calls that are not drafts or updates.</summary>
internal static class ControlRequests
{
    public sealed record CheckOut(string PatronSystemId);

    public sealed record DeskCheckIn(string Barcode);

    public sealed record LoanStatus(string? Code);

    public sealed record Activity(double ChangesPerSecond);
}
