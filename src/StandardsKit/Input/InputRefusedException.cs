namespace StandardsKit.Input;

/// <summary>
/// A path that is never read: a FIFO, a device, a kernel file, a symbolic link out of the tree, or a file over a
/// limit. An <see cref="IOException"/>, so every caller that reports I/O errors reports this one too, as one line.
/// </summary>
internal sealed class InputRefusedException : IOException
{
    public InputRefusedException(string message, bool overLimit = false)
        : base(message)
    {
        OverLimit = overLimit;
    }

    public InputRefusedException()
    {
    }

    public InputRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when the path is fine but too large (SK0004); false when it is the wrong kind of thing (SK0009).</summary>
    public bool OverLimit { get; }
}
