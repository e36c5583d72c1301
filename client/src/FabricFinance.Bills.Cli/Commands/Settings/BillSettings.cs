using System.ComponentModel;
using Spectre.Console.Cli;

namespace FabricFinance.Bills.Cli.Commands;

/// <summary>A command on one bill.</summary>
internal class BillSettings : MarketSettings
{
    [CommandArgument(0, "<BILL>")]
    [Description("The bill id (a sub-bill too, e.g. B1.2)")]
    public string BillId { get; init; } = string.Empty;
}
