using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FabricFinance.Bills.Cli.Commands;

/// <summary><c>bill issue</c>.</summary>
internal sealed class BillIssueSettings : BillSettings
{
    [CommandOption("--kind <KIND>", true)]
    [Description("bank (a bank accepts) or commercial (an enterprise accepts)")]
    public BillKind Kind { get; init; }

    [CommandOption("--payee <PARTY>", true)]
    [Description("The enterprise the bill is issued to")]
    public string Payee { get; init; } = string.Empty;

    [CommandOption("--acceptor <PARTY>", true)]
    [Description("The party that promises to pay at maturity")]
    public string Acceptor { get; init; } = string.Empty;

    [CommandOption("--amount <FEN>", true)]
    [Description("Face value in fen (1 yuan = 100 fen)")]
    public long Amount { get; init; }

    [CommandOption("--due <DATE>", true)]
    [Description("Due date, YYYY-MM-DD, at most six months after today")]
    public string Due { get; init; } = string.Empty;

    [CommandOption("--not-transferable")]
    [Description("Mark the bill 不得轉讓: no endorsement, discount or rediscount")]
    public bool NotTransferable { get; init; }

    public DateOnly DueDate => ParseDate(Due) ?? default;

    public override ValidationResult Validate()
    {
        var result = base.Validate();
        return result.Successful ? CheckDate(Due, "--due") : result;
    }
}
