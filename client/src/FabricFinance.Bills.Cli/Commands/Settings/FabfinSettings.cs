using System.ComponentModel;
using Spectre.Console.Cli;

namespace FabricFinance.Bills.Cli.Commands;

/// <summary>Options of every command: which network, and JSON or tables.</summary>
internal class FabfinSettings : CommandSettings
{
    [CommandOption("--network <FILE>")]
    [Description("The network.json to read. Default: $FABFIN_STATE_DIR/.run/network.json, else network/.run/network.json here or in a folder above")]
    public string? Network { get; init; }

    [CommandOption("--json")]
    [Description("Print raw JSON (exactly the record) instead of a table")]
    public bool Json { get; init; }
}
