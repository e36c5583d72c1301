namespace FabricFinance.Bills.Cli.Infrastructure;

/// <summary>The command line asks for something that cannot be: an unknown identity, a bad timestamp. Exit code 2.</summary>
internal sealed class CliUsageException : Exception
{
    public CliUsageException()
    {
    }

    public CliUsageException(string message)
        : base(message)
    {
    }

    public CliUsageException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
