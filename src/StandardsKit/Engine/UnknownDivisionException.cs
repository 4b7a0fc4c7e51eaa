namespace StandardsKit.Engine;

/// <summary>A county code is not in the division list, or names a province or prefecture instead of a county-level unit.</summary>
public sealed class UnknownDivisionException : ArgumentException
{
    /// <summary>Creates the exception with a message naming the nearest valid codes.</summary>
    public UnknownDivisionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public UnknownDivisionException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public UnknownDivisionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
