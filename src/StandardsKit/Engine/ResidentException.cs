namespace StandardsKit.Engine;

/// <summary>A resident's facts cannot be used: malformed JSON, an unknown fact or a value of the wrong type.</summary>
public sealed class ResidentException : Exception
{
    /// <summary>Creates the exception with a one-line message that says what to fix.</summary>
    public ResidentException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ResidentException()
    {
    }

    /// <summary>1-based line in the resident JSON where the problem is, when it is one of the JSON text.</summary>
    public int? Line { get; init; }

    /// <summary>1-based column (in characters) in the resident JSON, with <see cref="Line"/>.</summary>
    public int? Column { get; init; }

    /// <summary>The fact the problem concerns, when it concerns one (its key in the JSON can then be located).</summary>
    public string? Fact { get; init; }

    /// <summary>Creates the exception with an inner cause.</summary>
    public ResidentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
