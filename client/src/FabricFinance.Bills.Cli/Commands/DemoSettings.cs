using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FabricFinance.Bills.Cli.Commands;

/// <summary>
/// <c>demo</c>: which network, channel and chaincode, and the business date the story starts on. The identities are
/// the network's own (<c>fabfin identities</c>), so there is no <c>--as</c>; the clock is the demo's, so no
/// <c>--at</c>; the story is told in tables, so no <c>--json</c> (hence not a <see cref="FabfinSettings"/>).
/// </summary>
internal sealed class DemoSettings : CommandSettings
{
    [CommandOption("--network <FILE>")]
    [Description("The network.json to read. Default: $FABFIN_STATE_DIR/.run/network.json, else network/.run/network.json here or in a folder above")]
    public string? Network { get; init; }

    [CommandOption("--channel <NAME>")]
    [Description("The channel. Default: the one in network.json")]
    public string? Channel { get; init; }

    [CommandOption("--chaincode <NAME>")]
    [Description("The bill chaincode's name")]
    [DefaultValue(BillTransactions.ChaincodeName)]
    public string Chaincode { get; init; } = BillTransactions.ChaincodeName;

    [CommandOption("--start <DATE>")]
    [Description("The business date of the first step (YYYY-MM-DD); the bill falls due three months later. Default: today in UTC+8")]
    public string? Start { get; init; }

    /// <summary>Gets the parsed <c>--start</c>, once <see cref="Validate"/> passed; <see langword="null"/> for today.</summary>
    public DateOnly? StartDate =>
        Start is null ? null : DateOnly.ParseExact(Start, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Chaincode))
        {
            return ValidationResult.Error("--chaincode is empty.");
        }

        return Start is null || DateOnly.TryParseExact(Start, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? ValidationResult.Success()
            : ValidationResult.Error($"--start '{Start}' is not a date: use YYYY-MM-DD.");
    }
}
