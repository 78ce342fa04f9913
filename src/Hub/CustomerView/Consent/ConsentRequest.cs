namespace Lsb.Hub.CustomerView.Consent;

/// <summary>The body of <c>PUT /api/v1/customers/{memberId}/consent</c>: the person's decision on one or both purposes.</summary>
public sealed record ConsentRequest
{
    /// <summary>Opt in (true) or out (false) of the integral view; leave out to keep the current decision.</summary>
    public bool? IntegralView { get; init; }

    /// <summary>Opt in (true) or out (false) of keeping loan history beyond the retention period; leave out to keep it.</summary>
    public bool? KeepLoanHistory { get; init; }

    /// <summary>Optional: the staff member or form that recorded it (the library's own reference, NEVER the member's data).</summary>
    public string? StaffReference { get; init; }
}
