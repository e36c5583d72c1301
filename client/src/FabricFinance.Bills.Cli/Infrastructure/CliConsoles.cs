using Spectre.Console;

namespace FabricFinance.Bills.Cli.Infrastructure;

/// <summary>
/// Where fabfin writes: results to <see cref="Out"/> (standard output), errors to <see cref="Error"/> (standard error).
/// </summary>
/// <param name="Out">The console for results.</param>
/// <param name="Error">The console for errors.</param>
internal sealed record CliConsoles(IAnsiConsole Out, IAnsiConsole Error)
{
    /// <summary>Standard output and standard error.</summary>
    public static CliConsoles FromProcess() => new(
        AnsiConsole.Console,
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }));

    /// <summary>Writes one line as it is, without wrapping it to the console's width (JSON, event lines).</summary>
    public void WriteRaw(string line) => Out.Profile.Out.Writer.WriteLine(line);
}
