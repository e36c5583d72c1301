using System.ComponentModel;
using Spectre.Console.Cli;

namespace FabricFinance.Bills.Cli.Commands;

/// <summary><c>bill endorse</c>.</summary>
internal sealed class BillEndorseSettings : BillSettings
{
    [CommandOption("--to <PARTY>", true)]
    [Description("The enterprise that receives the bill")]
    public string To { get; init; } = string.Empty;

    [CommandOption("--amount <FEN>")]
    [Description("Endorse only this many fen: the bill splits into <BILL>.1 (endorsed) and <BILL>.2 (kept)")]
    public long? Amount { get; init; }
}
