namespace Lsb.Hub.Adapters.VSmart.Ncip;

/// <summary>A UserPrivilege of a LookupUser response: its type (e.g. PROFILE, STATUS), status value and end date.</summary>
internal sealed record NcipPrivilege(string Type, string? Status, DateTimeOffset? ValidTo);
