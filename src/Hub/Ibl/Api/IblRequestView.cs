namespace Lsb.Hub.Ibl.Api;

/// <summary>A request as the API shows it. <see cref="MemberId"/> only to the requesting library's keys and admins;
/// lenders see <see cref="PatronPseudonym"/>. Never a name or card number.</summary>
public sealed record IblRequestView(
    string Id,
    string State,
    string Origin,
    string RequestingAgency,
    string? MemberId,
    string? PatronPseudonym,
    IblBibliographicView Bibliographic,
    string? PickupLocation,
    IblLenderView? Lender,
    string? ItemBarcode,
    DateTimeOffset? DueAt,
    int Renewals,
    string? Reason,
    string? Attention,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? EndedAt,
    IReadOnlyList<string> AllowedActions,
    IReadOnlyList<IblRotaEntryView> Rota,
    IReadOnlyList<IblStepView> Steps,
    IReadOnlyList<IblHistoryView> History);

/// <summary>What was asked for.</summary>
public sealed record IblBibliographicView(string? Isbn, string? Ppn, string? OclcNumber, string? Title, string? Author);

/// <summary>The current lender.</summary>
public sealed record IblLenderView(string Agency, int Position, string Channel, string? HoldingId);

/// <summary>One lender of the rota.</summary>
public sealed record IblRotaEntryView(int Position, string Agency, string Channel, string Status, string? Reason, string? HoldingId, string? Barcode,
    string? Location, DateTimeOffset? RemindedAt);

/// <summary>One step (a command at a library's system).</summary>
public sealed record IblStepView(string StepId, string Kind, string Party, string Agency, string Status, string? Message, DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt);

/// <summary>One line of history.</summary>
public sealed record IblHistoryView(DateTimeOffset At, string? From, string To, string What, string Actor, string? Agency, string? Note);
