using System.ComponentModel;
using Spectre.Console.Cli;

namespace FabricFinance.Bills.Cli.Commands;

/// <summary><c>init</c>: who the exchange and the regulator are.</summary>
internal sealed class InitSettings : MarketSettings
{
    [CommandOption("--exchange-msp <MSPID>")]
    [Description("The exchange's MSP; its admins may initialize the ledger")]
    [DefaultValue("ExchangeMSP")]
    public string ExchangeMsp { get; init; } = "ExchangeMSP";

    [CommandOption("--exchange-id <ID>")]
    [Description("The exchange party's id")]
    [DefaultValue("Exchange")]
    public string ExchangeId { get; init; } = "Exchange";

    [CommandOption("--exchange-name <NAME>")]
    [Description("The exchange party's display name")]
    [DefaultValue("Commercial Paper Exchange")]
    public string ExchangeName { get; init; } = "Commercial Paper Exchange";

    [CommandOption("--regulator-msp <MSPID>")]
    [Description("The regulator's MSP")]
    [DefaultValue("RegulatorMSP")]
    public string RegulatorMsp { get; init; } = "RegulatorMSP";

    [CommandOption("--regulator-id <ID>")]
    [Description("The regulator party's id")]
    [DefaultValue("Regulator")]
    public string RegulatorId { get; init; } = "Regulator";

    [CommandOption("--regulator-name <NAME>")]
    [Description("The regulator party's display name")]
    [DefaultValue("Central Bank")]
    public string RegulatorName { get; init; } = "Central Bank";

    public LedgerConfig Config => new(ExchangeMsp, new InstitutionInfo(ExchangeId, ExchangeName), RegulatorMsp, new InstitutionInfo(RegulatorId, RegulatorName));
}
