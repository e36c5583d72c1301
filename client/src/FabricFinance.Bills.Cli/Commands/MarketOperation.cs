using FabricFinance.Bills.Cli.Connection;
using FabricFinance.Bills.Cli.Output;
using FabricFinance.Bills.Client;
using Spectre.Console;

namespace FabricFinance.Bills.Cli.Commands;

/// <summary>
/// What one command does with the market and how it prints the result: the data of a <see
/// cref="MarketOperationCommand{TSettings, TResult}"/>.
/// </summary>
/// <param name="Run">Calls the market.</param>
/// <param name="Json">The value printed with <c>--json</c>: exactly the record.</param>
/// <param name="Table">Prints the result as tables.</param>
internal sealed record MarketOperation<TSettings, TResult>(
    Func<MarketSession, TSettings, CancellationToken, Task<TResult>> Run,
    Func<TResult, object?> Json,
    Action<IAnsiConsole, TResult> Table)
{
    /// <summary>Gets the block of a committed transaction, to wait for on every peer; <see langword="null"/> for queries.</summary>
    public Func<TResult, ulong?> CommittedBlock { get; init; } = static _ => null;
}

/// <summary>Builds the two common kinds of operations.</summary>
internal static class MarketOperation
{
    /// <summary>
    /// A transaction: prints the changed record, then the block and transaction id (only the record with
    /// <c>--json</c>).
    /// </summary>
    public static MarketOperation<TSettings, Committed<T>> Submit<TSettings, T>(
        Func<BillMarketClient, TSettings, CancellationToken, Task<Committed<T>>> run,
        Action<IAnsiConsole, T> table) =>
        new((session, settings, ct) => run(session.Market, settings, ct), c => c.Value, (console, c) => Tables.Committed(console, c, table))
        {
            CommittedBlock = static c => c.BlockNumber,
        };

    /// <summary>A query: prints what it returned.</summary>
    public static MarketOperation<TSettings, T> Query<TSettings, T>(
        Func<BillMarketClient, TSettings, CancellationToken, Task<T>> run,
        Action<IAnsiConsole, T> table) =>
        new((session, settings, ct) => run(session.Market, settings, ct), value => value, table);
}
