using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FabricFinance.Bills.Cli.Commands;

/// <summary><c>watch</c>.</summary>
internal sealed class WatchSettings : MarketSettings
{
    [CommandOption("--from-block <N>")]
    [Description("Start with the events of this block (default: the next block committed)")]
    public ulong? FromBlock { get; init; }

    [CommandOption("--bill <BILL>")]
    [Description("Only events about this bill, its sub-bills and their deals")]
    public string? Bill { get; init; }

    [CommandOption("--deal <DEAL>")]
    [Description("Only events of this deal")]
    public string? Deal { get; init; }

    [CommandOption("--party <PARTY>")]
    [Description("Only events about this party: its record, and the bills and deals it takes part in")]
    public string? Party { get; init; }

    public override ValidationResult Validate()
    {
        var result = base.Validate();
        if (!result.Successful)
        {
            return result;
        }

        if (At is not null)
        {
            return ValidationResult.Error("--at does not apply to watch: an events request must carry the current time.");
        }

        var filters = (Bill is null ? 0 : 1) + (Deal is null ? 0 : 1) + (Party is null ? 0 : 1);
        return filters > 1 ? ValidationResult.Error("Give at most one of --bill, --deal and --party.") : result;
    }
}
