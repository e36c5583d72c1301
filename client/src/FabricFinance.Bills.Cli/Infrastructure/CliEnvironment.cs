namespace FabricFinance.Bills.Cli.Infrastructure;

/// <summary>
/// What fabfin reads from its process: environment variables and the current directory (replaced in tests).
/// </summary>
/// <param name="CurrentDirectory">Where to start looking for network/.run/network.json.</param>
/// <param name="GetVariable">Reads an environment variable; <see langword="null"/> when unset.</param>
internal sealed record CliEnvironment(string CurrentDirectory, Func<string, string?> GetVariable)
{
    /// <summary>The state directory of scripts/network.sh (<c>$FABFIN_STATE_DIR/.run/network.json</c>).</summary>
    public const string StateDirVariable = "FABFIN_STATE_DIR";

    /// <summary>The identity to act as when <c>--as</c> is not given.</summary>
    public const string AsVariable = "FABFIN_AS";

    /// <summary>The process's own environment.</summary>
    public static CliEnvironment FromProcess() => new(Environment.CurrentDirectory, Environment.GetEnvironmentVariable);
}
