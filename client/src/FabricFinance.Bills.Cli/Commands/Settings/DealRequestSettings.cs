using System.ComponentModel;
using Spectre.Console.Cli;

namespace FabricFinance.Bills.Cli.Commands;

/// <summary><c>deal discount</c> and <c>deal rediscount</c>.</summary>
internal sealed class DealRequestSettings : DealSettings
{
    [CommandOption("--bill <BILL>", true)]
    [Description("The bill to sell (the caller holds it)")]
    public string Bill { get; init; } = string.Empty;

    [CommandOption("--buyer <BANK>", true)]
    [Description("The bank that buys")]
    public string Buyer { get; init; } = string.Empty;

    [CommandOption("--rate <BPS>", true)]
    [Description("Proposed annual discount rate in basis points (350 = 3.50%), 1 to 10000; sent as private data")]
    public int Rate { get; init; }

    [CommandOption("--amount <FEN>")]
    [Description("Sell only this many fen: the bill splits and <BILL>.1 is sold")]
    public long? Amount { get; init; }
}
