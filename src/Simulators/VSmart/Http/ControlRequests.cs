namespace Lsb.Hub.Simulators.VSmart.Http;

/// <summary>Bodies of the control API calls that are not drafts or updates.</summary>
internal static class ControlRequests
{
    public sealed record CheckOut(string BorrowerId, string? GuestCardNumber = null);

    public sealed record CopyStatus(string Status);

    public sealed record DeskCheckIn(string Barcode);

    public sealed record NewTitle(string? Title);

    public sealed record LoanStatus(string? Code);

    public sealed record Activity(double ChangesPerSecond);
}
