using FabricFinance.Bills.Cli.Output;
using Spectre.Console;

namespace FabricFinance.Bills.Cli.Commands;

/// <summary>What <c>bill list</c> read: one page and its bookmark, or every bill (<c>--all</c>, no bookmark).</summary>
internal sealed record BillListing(IReadOnlyList<Bill> Bills, string? Bookmark)
{
    /// <summary>
    /// Gets the JSON printed: the page as the contract returns it (<c>{bills, bookmark}</c>), or the array of every
    /// bill.
    /// </summary>
    public object Json => Bookmark is null ? Bills : new BillPage(Bills, Bookmark);

    public void Write(IAnsiConsole console)
    {
        Tables.Bills(console, Bills);
        if (!string.IsNullOrEmpty(Bookmark))
        {
            console.MarkupLine($"[grey]more: --bookmark {Markup.Escape(Bookmark)}[/]");
        }
    }
}
