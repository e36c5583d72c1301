using System.ComponentModel;
using Spectre.Console.Cli;

namespace FabricFinance.Bills.Cli.Commands;

/// <summary>A command on one party.</summary>
internal class PartySettings : MarketSettings
{
    [CommandArgument(0, "<PARTY>")]
    [Description("The party id")]
    public string PartyId { get; init; } = string.Empty;
}
