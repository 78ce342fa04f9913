namespace Lsb.Hub.Ibl.Model;

/// <summary>How a request arrived, which decides who the borrower is.</summary>
public enum IblOrigin
{
    /// <summary>A Dutch library placed it over the hub's API for one of its members; its adapter is the borrower's.</summary>
    Api,
    /// <summary>An external ILL system sent an ISO 18626 request; it answers and acts over ISO 18626.</summary>
    Iso18626,
}
