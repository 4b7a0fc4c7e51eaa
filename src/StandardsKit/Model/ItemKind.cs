namespace StandardsKit.Model;

/// <summary>What kind of item a standard lists.</summary>
public enum ItemKind
{
    /// <summary>A basic public service (基本公共服务).</summary>
    Basic,

    /// <summary>A non-basic public service for general benefit (普惠性非基本公共服务).</summary>
    NonBasic,

    /// <summary>An item only a local standard defines.</summary>
    Local,
}
