using System.ComponentModel;
using FabricFinance.Bills.Cli.Connection;
using FabricFinance.Bills.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FabricFinance.Bills.Cli.Commands;

/// <summary>
/// Options of every command that talks to the ledger: who acts, on which channel and chaincode, at what time.
/// </summary>
internal class MarketSettings : FabfinSettings
{
    [CommandOption("--as <NAME>")]
    [Description("The identity to act as: an org (BankA), its admin (BankAAdmin), a user (BankA.User2) or a party (CoreCorp); see `fabfin identities`. Default: $FABFIN_AS")]
    public string? As { get; init; }

    [CommandOption("--via <MSPID>")]
    [Description("Connect through this org's peer gateway instead of the identity's own org's (e.g. the Regulator, whose peer runs no chaincode: --via ExchangeMSP)")]
    public string? Via { get; init; }

    [CommandOption("--channel <NAME>")]
    [Description("The channel. Default: the one in network.json")]
    public string? Channel { get; init; }

    [CommandOption("--chaincode <NAME>")]
    [Description("The bill chaincode's name")]
    [DefaultValue(BillTransactions.ChaincodeName)]
    public string Chaincode { get; init; } = BillTransactions.ChaincodeName;

    [CommandOption("--at <TIMESTAMP>")]
    [Description("The proposal timestamp, which sets the business date (ISO-8601, e.g. 2026-07-01T09:30:00+08:00; a date alone is noon in UTC+8). Default: now")]
    public string? At { get; init; }

    [CommandOption("--no-wait")]
    [Description("After a transaction, do not wait for every peer to commit its block (by default fabfin waits, so the next command sees it on any peer)")]
    public bool NoWait { get; init; }

    /// <summary>Gets the parsed <c>--at</c>, once <see cref="Validate"/> passed.</summary>
    public DateTimeOffset? AtTime => At is null ? null : Timestamps.Parse(At);

    public override ValidationResult Validate()
    {
        if (At is not null)
        {
            try
            {
                _ = Timestamps.Parse(At);
            }
            catch (CliUsageException ex)
            {
                return ValidationResult.Error(ex.Message);
            }
        }

        return string.IsNullOrWhiteSpace(Chaincode) ? ValidationResult.Error("--chaincode is empty.") : ValidationResult.Success();
    }

    /// <summary>Reads a <c>YYYY-MM-DD</c> option.</summary>
    protected static ValidationResult CheckDate(string? value, string option) =>
        value is null || DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _)
            ? ValidationResult.Success()
            : ValidationResult.Error($"{option} '{value}' is not a date: use YYYY-MM-DD.");

    /// <summary>Parses a <c>YYYY-MM-DD</c> option checked by <see cref="CheckDate"/>.</summary>
    protected static DateOnly? ParseDate(string? value) =>
        value is null ? null : DateOnly.ParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
