using System.ComponentModel;
using Spectre.Console.Cli;

namespace FabricFinance.Bills.Cli.Commands;

/// <summary><c>deal settle</c>.</summary>
internal sealed class DealSettleSettings : DealSettings
{
    [CommandOption("--payment-ref <REF>", true)]
    [Description("The reference of the buyer's payment ([A-Za-z0-9_.:/-], up to 64); sent as private data")]
    public string PaymentRef { get; init; } = string.Empty;
}
