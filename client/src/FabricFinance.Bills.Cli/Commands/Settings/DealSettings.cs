using System.ComponentModel;
using Spectre.Console.Cli;

namespace FabricFinance.Bills.Cli.Commands;

/// <summary>A command on one deal.</summary>
internal class DealSettings : MarketSettings
{
    [CommandArgument(0, "<DEAL>")]
    [Description("The deal id")]
    public string DealId { get; init; } = string.Empty;
}
