namespace FabricFinance.Bills.Tests.Support;

/// <summary>A step that arranges a test (not the step under test) failed; the message says which and why.</summary>
public sealed class ArrangementException : Exception
{
    /// <summary>Initializes the exception.</summary>
    public ArrangementException()
    {
    }

    /// <summary>Initializes the exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public ArrangementException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes the exception with a message and a cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public ArrangementException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
