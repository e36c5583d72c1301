namespace FabricFinance.Bills.Cli.Infrastructure;

/// <summary>
/// The network's description or an identity's credentials cannot be used: no network.json, a missing file. Exit code 3.
/// </summary>
internal sealed class NetworkSetupException : Exception
{
    public NetworkSetupException()
    {
    }

    public NetworkSetupException(string message)
        : base(message)
    {
    }

    public NetworkSetupException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
