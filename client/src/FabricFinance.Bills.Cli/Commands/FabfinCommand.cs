using FabricFinance.Bills.Cli.Infrastructure;
using FabricFinance.Bills.Cli.Output;
using Spectre.Console.Cli;

namespace FabricFinance.Bills.Cli.Commands;

/// <summary>The base of every command: any failure becomes a red message on standard error and its exit code.</summary>
internal abstract class FabfinCommand<TSettings>(CliConsoles consoles) : AsyncCommand<TSettings>
    where TSettings : FabfinSettings
{
    protected CliConsoles Consoles { get; } = consoles;

    public sealed override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(context, settings, cancellationToken);
        }
        catch (Exception ex)
        {
            return ErrorReport.Write(Consoles.Error, ex);
        }
    }

    protected abstract Task<int> RunAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken);

    /// <summary>Prints a result: its JSON with <c>--json</c>, else its table.</summary>
    protected void Print<T>(FabfinSettings settings, T result, Func<T, object?> json, Action<Spectre.Console.IAnsiConsole, T> table)
    {
        if (settings.Json)
        {
            Consoles.WriteRaw(CliJson.Serialize(json(result)));
        }
        else
        {
            table(Consoles.Out, result);
        }
    }
}
