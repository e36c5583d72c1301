using System.ComponentModel;
using Spectre.Console.Cli;

namespace FabricFinance.Bills.Cli.Commands;

/// <summary><c>deal terms</c>.</summary>
internal sealed class DealTermsSettings : DealSettings
{
    [CommandOption("--no-verify")]
    [Description("Do not check the terms against the deal's public terms hash")]
    public bool NoVerify { get; init; }

    [CommandOption("--peer-org <MSPID>")]
    [Description("Read the terms from this org's peer, one that holds the deal's terms collection (the regulator: --peer-org ExchangeMSP). Default: the gateway's choice")]
    public string? PeerOrg { get; init; }
}
