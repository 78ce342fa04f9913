namespace Lsb.Hub.CustomerView.View;

/// <summary>What a customer view covers.</summary>
public enum ViewScope
{
    /// <summary>The person opted in: every membership's loans, physical and digital, across libraries and installations.</summary>
    Integral,
    /// <summary>No opt-in: only this membership's physical loans lent by the requesting library (any of its locations).</summary>
    RequestingLibraryOnly,
}
