using System.ComponentModel;
using Spectre.Console.Cli;

namespace FabricFinance.Bills.Cli.Commands;

/// <summary>A command on one bill that needs a reason.</summary>
internal sealed class BillReasonSettings : BillSettings
{
    [CommandOption("--reason <TEXT>", true)]
    [Description("Why (up to 500 characters)")]
    public string Reason { get; init; } = string.Empty;
}
