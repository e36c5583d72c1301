using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FabricFinance.Bills.Cli.Commands;

/// <summary><c>bill list</c>.</summary>
internal sealed class BillListSettings : MarketSettings
{
    [CommandOption("--holder <PARTY>")]
    [Description("Only bills this party holds")]
    public string? Holder { get; init; }

    [CommandOption("--status <STATUS>")]
    [Description("Only bills in this status (PendingAcceptance, Active, InDeal, Presented, Paid, Cancelled, Dishonored, Frozen, Split)")]
    public BillStatus? Status { get; init; }

    [CommandOption("--acceptor <PARTY>")]
    [Description("Only bills this party accepts")]
    public string? Acceptor { get; init; }

    [CommandOption("--due-from <DATE>")]
    [Description("Only bills due on or after this date (YYYY-MM-DD)")]
    public string? DueFrom { get; init; }

    [CommandOption("--due-to <DATE>")]
    [Description("Only bills due on or before this date (YYYY-MM-DD)")]
    public string? DueTo { get; init; }

    [CommandOption("--page-size <N>")]
    [Description("Bills per page, 1 to 1000")]
    [DefaultValue(100)]
    public int PageSize { get; init; } = 100;

    [CommandOption("--bookmark <TEXT>")]
    [Description("Continue from the bookmark a previous page printed")]
    public string? Bookmark { get; init; }

    [CommandOption("--all")]
    [Description("Read every page")]
    public bool All { get; init; }

    public BillFilter Filter => new(Holder, Status, Acceptor, ParseDate(DueFrom), ParseDate(DueTo));

    public override ValidationResult Validate()
    {
        var result = base.Validate();
        if (!result.Successful)
        {
            return result;
        }

        result = CheckDate(DueFrom, "--due-from");
        if (!result.Successful)
        {
            return result;
        }

        result = CheckDate(DueTo, "--due-to");
        return result.Successful && All && Bookmark is not null
            ? ValidationResult.Error("--all reads every page from the first; leave out --bookmark.")
            : result;
    }
}
