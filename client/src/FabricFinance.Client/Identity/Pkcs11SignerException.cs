namespace FabricFinance.Client.Identity;

/// <summary>A PKCS#11 token could not be used for signing: the library, token, PIN or key is wrong, or the token failed.</summary>
public sealed class Pkcs11SignerException : Exception
{
    /// <summary>Initializes a new exception with no message.</summary>
    public Pkcs11SignerException()
    {
    }

    /// <summary>Initializes a new exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public Pkcs11SignerException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new exception with a message and the underlying failure.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The PKCS#11 library's error, when there is one.</param>
    public Pkcs11SignerException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
