using System.ComponentModel;
using Spectre.Console.Cli;

namespace FabricFinance.Bills.Cli.Commands;

/// <summary><c>bill pay</c>.</summary>
internal sealed class BillPaySettings : BillSettings
{
    [CommandOption("--payment-ref <REF>", true)]
    [Description("The reference of the off-ledger payment ([A-Za-z0-9_.:/-], up to 64)")]
    public string PaymentRef { get; init; } = string.Empty;
}
