using System.Diagnostics;
using System.Globalization;
using FabricFinance.Bills.Cli.Connection;
using FabricFinance.Bills.Cli.Infrastructure;
using FabricFinance.Bills.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FabricFinance.Bills.Cli.Commands;

/// <summary>
/// <c>fabfin demo</c>: one bill's whole life on the running network, told step by step. The exchange opens the market
/// (initialize, admit the parties: whatever is there already is kept, so the demo runs again on the same network);
/// CoreCorp issues a bank bill that BankA accepts; SupplierA endorses part of it to SupplierB (a split); SupplierB
/// discounts its part to BankA (request, accept, settle: delivery versus payment); the regulator reads the private terms
/// and a bystander bank is refused; BankA rediscounts to BankB; at maturity BankB presents and BankA pays; the trail
/// and history close the story. Every id carries a token unique to the run, and the business date only moves forward.
/// </summary>
internal sealed partial class DemoCommand(CliConsoles consoles, MarketConnector connector, LedgerSync sync, CliEnvironment environment)
    : AsyncCommand<DemoSettings>
{
    private const string ExchangeAdmin = "ExchangeAdmin";
    private const string Exchange = "Exchange";
    private const string Regulator = "Regulator";
    private const string BankA = "BankA";
    private const string BankB = "BankB";
    private const string CoreCorp = "CoreCorp";
    private const string SupplierA = "SupplierA";
    private const string SupplierB = "SupplierB";

    /// <summary>The width Spectre assumes when it cannot read the console's.</summary>
    private const int FallbackWidth = 80;

    /// <summary>The width of the demo written to a file or a pipe.</summary>
    private const int TranscriptWidth = 120;

    private static readonly string[] Cast = [ExchangeAdmin, Exchange, Regulator, BankA, BankB, CoreCorp, SupplierA, SupplierB];

    private IAnsiConsole Out => consoles.Out;

    /// <summary>Runs the story; any failure becomes a red message on standard error and its exit code, as in every command.</summary>
    public override async Task<int> ExecuteAsync(CommandContext context, DemoSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(settings, cancellationToken);
        }
        catch (Exception ex)
        {
            return ErrorReport.Write(consoles.Error, ex);
        }
    }

    private async Task<int> RunAsync(DemoSettings settings, CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();

        // Written to a file or a pipe, the console has no width and Spectre assumes 80 columns, which would wrap most
        // of the story's lines; a transcript gets more room (a terminal keeps its own width).
        if (!Out.Profile.Out.IsTerminal && Out.Profile.Width == FallbackWidth)
        {
            Out.Profile.Width = TranscriptWidth;
        }

        var plan = DemoPlan.Create(settings.StartDate ?? BusinessCalendar.BusinessDate(TimeProvider.System.GetUtcNow()));
        var stage = new DemoStage(Out, connector, sync, settings, plan.Start);
        stage.RequireIdentities(Cast);
        var step = "the start";
        try
        {
            Introduce(stage, plan, NetworkLocator.Locate(settings.Network, environment));
            step = Step(1, "The market opens: the exchange initializes the ledger and admits the parties");
            await OpenMarketAsync(stage, plan.Start, cancellationToken);
            step = Step(2, "CoreCorp issues a bank bill to SupplierA; BankA accepts it");
            await IssueAsync(stage, plan, cancellationToken);
            step = Step(3, "SupplierA endorses part of the bill to SupplierB: it splits");
            await SplitAsync(stage, plan, cancellationToken);
            step = Step(4, "SupplierB discounts its part to BankA: delivery versus payment");
            var terms = await DiscountAsync(stage, plan, cancellationToken);
            step = Step(5, "Who reads the terms: the regulator sees through them (看穿), a bystander bank is refused");
            await ReadTermsAsync(stage, plan, terms, cancellationToken);
            step = Step(6, "BankA rediscounts the bill to BankB");
            await RediscountAsync(stage, plan, cancellationToken);
            step = Step(7, "Maturity: BankB presents the bill, BankA (the acceptor) pays");
            await MaturityAsync(stage, plan, cancellationToken);
            step = Step(8, "The record: the bill's trail and history");
            var final = await RecordAsync(stage, plan, cancellationToken);
            Conclude(stage, plan, final, elapsed.Elapsed);
            return ExitCodes.Ok;
        }
        catch (Exception)
        {
            consoles.Error.MarkupLine($"[red]The demo stopped in {Markup.Escape(step)}:[/]");
            throw;
        }
    }

    private void Introduce(DemoStage stage, DemoPlan plan, string networkFile)
    {
        Out.MarkupLine("[bold]fabfin demo[/]: one bill's whole life on the FabricFinance bill market");
        Out.MarkupLine($"[grey]network[/]  {Markup.Escape(networkFile)}");
        Out.MarkupLine($"[grey]ledger[/]   channel {Markup.Escape(stage.Channel)}, chaincode {Markup.Escape(stage.Chaincode)}, {stage.Profile.Peers.Count} peers");
        Out.MarkupLine($"[grey]this run[/] bill {Markup.Escape(plan.BillId)}, deals {Markup.Escape(plan.DiscountId)} and {Markup.Escape(plan.RediscountId)}");
        Out.MarkupLine($"[grey]dates[/]    from {Format.Date(plan.Start)} to the due date {Format.Date(plan.Due)}, each step a business date (UTC+8) set as the proposal timestamp");
    }

    private string Step(int number, string title)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{number}. {title}");
        Out.WriteLine();
        Out.Write(new Rule($"[bold]{Markup.Escape(text)}[/]").LeftJustified());
        return "step " + text;
    }

    private void Note(string markup) => Out.MarkupLine("  " + markup);

    private void Conclude(DemoStage stage, DemoPlan plan, Bill final, TimeSpan elapsed)
    {
        Out.WriteLine();
        Out.Write(new Rule("[bold]Done[/]").LeftJustified());
        Out.MarkupLine($"[green]{Markup.Escape(final.Id)} is {final.Status}.[/]");
        Out.MarkupLine(
            $"Issued {Format.Date(plan.Start)} in {Markup.Escape(plan.BillId)}; endorsed, discounted, rediscounted; "
            + $"paid by its acceptor {Markup.Escape(final.Acceptor)} on {Format.Date(final.UpdateDate)}.");
        var blocks = stage.Blocks is var (first, last) ? string.Create(CultureInfo.InvariantCulture, $" in blocks {first} to {last}") : string.Empty;
        Out.MarkupLine(string.Create(
            CultureInfo.InvariantCulture,
            $"[grey]{stage.Transactions} transactions{blocks}, {elapsed.TotalSeconds:0.0} s. The network keeps running; run the demo again for another bill.[/]"));
    }
}
