using System.Text.Json;
using Lsb.Hub.Infrastructure;

namespace Lsb.Hub.Consolidation;

/// <summary>A move as the API shows it (<c>GET /api/v1/libraries/{isil}/moves/{id}</c>).</summary>
public sealed record MoveView(
    string Id,
    string Isil,
    string? MergeInto,
    string SourceInstallation,
    string SourceVendorLibraryId,
    string TargetInstallation,
    string TargetVendorLibraryId,
    string Status,
    DateTimeOffset CutOverAt,
    DateTimeOffset OverlapUntil,
    MoveProgress Progress,
    string? LastError,
    string? RequestedBy,
    DateTimeOffset RequestedAt,
    DateTimeOffset? CutOverDoneAt,
    DateTimeOffset? CompletedAt,
    MoveReport? Report)
{
    /// <summary>The view of a stored move.</summary>
    public static MoveView Of(LibraryMove m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var total = m.MembersTotal + m.HoldingsTotal + m.LoansTotal;
        var step = m.State switch { MoveStatus.Rebinding => 0, MoveStatus.WaitingForCutOver => 1, MoveStatus.Overlap => 2, _ => 3 };
        // Rebinding is most of the work; the three later steps take a share each.
        var percent = m.State == MoveStatus.Rebinding ? (total == 0 ? 0 : 70.0 * m.Rebound / total) : 70 + 10 * step;
        return new MoveView(m.Id, m.Isil, m.MergeIntoIsil, m.SourceInstallation, m.SourceVendorLibraryId, m.TargetInstallation, m.TargetVendorLibraryId,
            m.Status, Parse(m.CutOverAt), Parse(m.OverlapUntil),
            new MoveProgress(m.MembersTotal, m.HoldingsTotal, m.LoansTotal, m.Rebound, Math.Round(percent, 1)),
            m.LastError, m.RequestedBy, Parse(m.RequestedAt), m.CutOverDoneAt is null ? null : Parse(m.CutOverDoneAt),
            m.CompletedAt is null ? null : Parse(m.CompletedAt), JsonSerializer.Deserialize<MoveReport>(m.Report, HubJson.Options));
    }

    private static DateTimeOffset Parse(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
