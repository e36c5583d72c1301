namespace FabricFinance.Bills.Tests.Properties;

/// <summary>A rulebook invariant failed during a generated sequence; the message has the invariant and the trace.</summary>
public sealed class InvariantViolationException : Exception
{
    /// <summary>Initializes the exception.</summary>
    public InvariantViolationException()
    {
    }

    /// <summary>Initializes the exception with a message.</summary>
    /// <param name="message">The invariant and the trace.</param>
    public InvariantViolationException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes the exception with a message and a cause.</summary>
    /// <param name="message">The invariant and the trace.</param>
    /// <param name="innerException">The cause.</param>
    public InvariantViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
