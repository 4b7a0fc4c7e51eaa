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

    /// <summary>The fact at fault (as the resident names it), or null when the input as a whole is wrong.</summary>
    public string? Fact { get; init; }

    /// <summary>Creates the exception with an inner cause.</summary>
    public ResidentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
