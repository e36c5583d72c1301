using FabricFinance.Bills.Cli.Commands;
using FabricFinance.Bills.Cli.Connection;
using FabricFinance.Bills.Cli.Infrastructure;
using FabricFinance.Bills.Cli.Output;
using FabricFinance.Bills.Client;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;

namespace FabricFinance.Bills.Cli;

/// <summary>fabfin's commands, services and error handling.</summary>
internal static class FabfinApp
{
    /// <summary>Runs fabfin on the process's consoles, environment and the real network.</summary>
    public static Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var consoles = CliConsoles.FromProcess();
        var app = new CommandApp(new TypeRegistrar(Services(consoles, CliEnvironment.FromProcess(), new GrpcPeerConnector(), new OperationsPeerHeights())));
        app.Configure(config => Configure(config, consoles));
        return app.RunAsync(args, cancellationToken);
    }

    /// <summary>The services the commands take: consoles, environment, how to reach a peer and read its height.</summary>
    public static IServiceCollection Services(CliConsoles consoles, CliEnvironment environment, IPeerConnector peers, IPeerHeights heights) =>
        new ServiceCollection()
            .AddSingleton(consoles)
            .AddSingleton(environment)
            .AddSingleton(peers)
            .AddSingleton(heights)
            .AddSingleton<MarketConnector>()
            .AddSingleton<LedgerSync>();

    /// <summary>Every command, and the exit code of a command line Spectre cannot parse.</summary>
    public static void Configure(IConfigurator config, CliConsoles consoles)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.SetApplicationName("fabfin");
        config.Settings.StrictParsing = true;
        config.SetExceptionHandler((exception, _) => ErrorReport.Write(consoles.Error, exception));
        config.AddExample("identities");
        config.AddExample("bill", "issue", "B1", "--as", "CoreCorp", "--kind", "bank", "--payee", "SupplierA", "--acceptor", "BankA", "--amount", "10000000", "--due", "2026-06-30");
        config.AddExample("deal", "discount", "D1", "--as", "SupplierA", "--bill", "B1", "--buyer", "BankA", "--rate", "350");
        config.AddExample("watch", "--as", "Regulator", "--from-block", "0");

        config.AddCommand<MarketOperationCommand<InitSettings, Committed<LedgerConfig>>>("init")
            .WithDescription("Initialize the ledger: register the exchange and the regulator (an exchange admin, once)")
            .WithExample("init", "--as", "ExchangeAdmin")
            .WithData(MarketOperation.Submit<InitSettings, LedgerConfig>((m, s, ct) => m.InitLedgerAsync(s.Config, ct), Tables.LedgerConfig));

        config.AddBranch("party", party =>
        {
            party.SetDescription("Admit, suspend and read parties");
            party.AddCommand<MarketOperationCommand<PartyRegisterSettings, Committed<Party>>>("register")
                .WithDescription("Register a party (the exchange)")
                .WithExample("party", "register", "CoreCorp", "--as", "Exchange", "--kind", "enterprise", "--name", "Core Corp", "--subject-of", "CoreCorp")
                .WithData(new MarketOperation<PartyRegisterSettings, Committed<Party>>(
                    RegisterPartyAsync, c => c.Value, (console, c) => Tables.Committed(console, c, Tables.Party))
                {
                    CommittedBlock = static c => c.BlockNumber,
                });
            party.AddCommand<MarketOperationCommand<PartySettings, Committed<Party>>>("suspend")
                .WithDescription("Suspend a party: it may do nothing until activated (the exchange)")
                .WithData(MarketOperation.Submit<PartySettings, Party>((m, s, ct) => m.SetPartyStatusAsync(s.PartyId, PartyStatus.Suspended, ct), Tables.Party));
            party.AddCommand<MarketOperationCommand<PartySettings, Committed<Party>>>("activate")
                .WithDescription("Make a suspended party active again (the exchange)")
                .WithData(MarketOperation.Submit<PartySettings, Party>((m, s, ct) => m.SetPartyStatusAsync(s.PartyId, PartyStatus.Active, ct), Tables.Party));
            party.AddCommand<MarketOperationCommand<PartySettings, Party>>("get")
                .WithDescription("Show a party")
                .WithData(MarketOperation.Query<PartySettings, Party>((m, s, ct) => m.GetPartyAsync(s.PartyId, ct), Tables.Party));
            party.AddCommand<MarketOperationCommand<MarketSettings, IReadOnlyList<Party>>>("list")
                .WithDescription("List every party")
                .WithData(MarketOperation.Query<MarketSettings, IReadOnlyList<Party>>((m, _, ct) => m.ListPartiesAsync(ct), Tables.Parties));
        });

        config.AddBranch("bill", bill =>
        {
            bill.SetDescription("Issue, accept, endorse, present and pay bills; read them");
            bill.AddCommand<MarketOperationCommand<BillIssueSettings, Committed<Bill>>>("issue")
                .WithDescription("Issue a bill (an enterprise, the drawer)")
                .WithExample("bill", "issue", "B1", "--as", "CoreCorp", "--kind", "bank", "--payee", "SupplierA", "--acceptor", "BankA", "--amount", "10000000", "--due", "2026-06-30")
                .WithData(MarketOperation.Submit<BillIssueSettings, Bill>(
                    (m, s, ct) => m.IssueBillAsync(new IssueBillRequest(s.BillId, s.Kind, s.Payee, s.Acceptor, s.Amount, s.DueDate, !s.NotTransferable), ct),
                    Tables.Bill));
            bill.AddCommand<MarketOperationCommand<BillSettings, Committed<Bill>>>("accept")
                .WithDescription("Accept a bill (the acceptor); it passes to the payee")
                .WithData(MarketOperation.Submit<BillSettings, Bill>((m, s, ct) => m.AcceptBillAsync(s.BillId, ct), Tables.Bill));
            bill.AddCommand<MarketOperationCommand<BillReasonSettings, Committed<Bill>>>("reject")
                .WithDescription("Refuse to accept a bill (the acceptor); it is cancelled")
                .WithData(MarketOperation.Submit<BillReasonSettings, Bill>((m, s, ct) => m.RejectAcceptanceAsync(s.BillId, s.Reason, ct), Tables.Bill));
            bill.AddCommand<MarketOperationCommand<BillSettings, Committed<Bill>>>("cancel")
                .WithDescription("Withdraw a bill before acceptance (the drawer)")
                .WithData(MarketOperation.Submit<BillSettings, Bill>((m, s, ct) => m.CancelBillAsync(s.BillId, ct), Tables.Bill));
            bill.AddCommand<MarketOperationCommand<BillEndorseSettings, Committed<Bill>>>("endorse")
                .WithDescription("Endorse a bill to another enterprise (the holder), whole or in part")
                .WithExample("bill", "endorse", "B1", "--as", "SupplierA", "--to", "SupplierB", "--amount", "4000000")
                .WithData(MarketOperation.Submit<BillEndorseSettings, Bill>((m, s, ct) => m.EndorseBillAsync(s.BillId, s.To, s.Amount, ct), Tables.Bill));
            bill.AddCommand<MarketOperationCommand<BillSettings, Committed<Bill>>>("present")
                .WithDescription("Present a bill for payment on or after its due date (the holder)")
                .WithExample("bill", "present", "B1", "--as", "BankA", "--at", "2026-06-30")
                .WithData(MarketOperation.Submit<BillSettings, Bill>((m, s, ct) => m.PresentForPaymentAsync(s.BillId, ct), Tables.Bill));
            bill.AddCommand<MarketOperationCommand<BillPaySettings, Committed<Bill>>>("pay")
                .WithDescription("Record the payment of a presented bill (the acceptor)")
                .WithData(MarketOperation.Submit<BillPaySettings, Bill>((m, s, ct) => m.PayBillAsync(s.BillId, s.PaymentRef, ct), Tables.Bill));
            bill.AddCommand<MarketOperationCommand<BillReasonSettings, Committed<Bill>>>("dishonor")
                .WithDescription("Refuse to pay a presented bill (the acceptor)")
                .WithData(MarketOperation.Submit<BillReasonSettings, Bill>((m, s, ct) => m.DishonorBillAsync(s.BillId, s.Reason, ct), Tables.Bill));
            bill.AddCommand<MarketOperationCommand<BillReasonSettings, Committed<Bill>>>("freeze")
                .WithDescription("Freeze a bill (the exchange)")
                .WithData(MarketOperation.Submit<BillReasonSettings, Bill>((m, s, ct) => m.FreezeBillAsync(s.BillId, s.Reason, ct), Tables.Bill));
            bill.AddCommand<MarketOperationCommand<BillReasonSettings, Committed<Bill>>>("unfreeze")
                .WithDescription("Unfreeze a bill (the exchange); it gets back its status")
                .WithData(MarketOperation.Submit<BillReasonSettings, Bill>((m, s, ct) => m.UnfreezeBillAsync(s.BillId, s.Reason, ct), Tables.Bill));
            bill.AddCommand<MarketOperationCommand<BillSettings, Bill>>("get")
                .WithDescription("Show a bill and its trail")
                .WithData(MarketOperation.Query<BillSettings, Bill>((m, s, ct) => m.GetBillAsync(s.BillId, ct), Tables.Bill));
            bill.AddCommand<MarketOperationCommand<BillSettings, IReadOnlyList<BillHistoryEntry>>>("history")
                .WithDescription("Show every version of a bill, oldest first")
                .WithData(MarketOperation.Query<BillSettings, IReadOnlyList<BillHistoryEntry>>((m, s, ct) => m.GetBillHistoryAsync(s.BillId, ct), Tables.History));
            bill.AddCommand<MarketOperationCommand<BillListSettings, BillListing>>("list")
                .WithDescription("List bills by holder, status, acceptor and due date, a page at a time (or --all)")
                .WithExample("bill", "list", "--as", "Regulator", "--status", "Active", "--all")
                .WithData(new MarketOperation<BillListSettings, BillListing>(ListBillsAsync, l => l.Json, (console, l) => l.Write(console)));
        });

        config.AddBranch("deal", deal =>
        {
            deal.SetDescription("Discount and rediscount bills: request, accept, settle; read deals and their private terms");
            deal.AddCommand<MarketOperationCommand<DealRequestSettings, Committed<Deal>>>("discount")
                .WithDescription("Offer a bill to a bank (an enterprise holder); the rate is private")
                .WithExample("deal", "discount", "D1", "--as", "SupplierA", "--bill", "B1", "--buyer", "BankA", "--rate", "350")
                .WithData(MarketOperation.Submit<DealRequestSettings, Deal>(
                    (m, s, ct) => m.RequestDiscountAsync(new DealRequest(s.DealId, s.Bill, s.Buyer, s.Amount), s.Rate, ct), Tables.Deal));
            deal.AddCommand<MarketOperationCommand<DealRequestSettings, Committed<Deal>>>("rediscount")
                .WithDescription("Offer a bill to another bank (a bank holder); the rate is private")
                .WithData(MarketOperation.Submit<DealRequestSettings, Deal>(
                    (m, s, ct) => m.RequestRediscountAsync(new DealRequest(s.DealId, s.Bill, s.Buyer, s.Amount), s.Rate, ct), Tables.Deal));
            deal.AddCommand<MarketOperationCommand<DealSettings, Committed<Deal>>>("accept")
                .WithDescription("Accept a deal (the buyer); the terms are computed")
                .WithData(MarketOperation.Submit<DealSettings, Deal>((m, s, ct) => m.AcceptDealAsync(s.DealId, ct), Tables.Deal));
            deal.AddCommand<MarketOperationCommand<DealReasonSettings, Committed<Deal>>>("reject")
                .WithDescription("Turn a deal down before settlement (the buyer)")
                .WithData(MarketOperation.Submit<DealReasonSettings, Deal>((m, s, ct) => m.RejectDealAsync(s.DealId, s.Reason, ct), Tables.Deal));
            deal.AddCommand<MarketOperationCommand<DealReasonSettings, Committed<Deal>>>("cancel")
                .WithDescription("Withdraw a deal before settlement (the seller)")
                .WithData(MarketOperation.Submit<DealReasonSettings, Deal>((m, s, ct) => m.CancelDealAsync(s.DealId, s.Reason, ct), Tables.Deal));
            deal.AddCommand<MarketOperationCommand<DealSettleSettings, Committed<Deal>>>("settle")
                .WithDescription("Settle an accepted deal: payment confirmed, bill to the buyer (the exchange)")
                .WithExample("deal", "settle", "D1", "--as", "Exchange", "--payment-ref", "CNAPS-2026-0001")
                .WithData(MarketOperation.Submit<DealSettleSettings, Deal>((m, s, ct) => m.SettleDealAsync(s.DealId, s.PaymentRef, ct), Tables.Deal));
            deal.AddCommand<MarketOperationCommand<DealSettings, Committed<Deal>>>("expire")
                .WithDescription("Close a deal left open more than three days (any active party)")
                .WithData(MarketOperation.Submit<DealSettings, Deal>((m, s, ct) => m.ExpireDealAsync(s.DealId, ct), Tables.Deal));
            deal.AddCommand<MarketOperationCommand<DealSettings, Deal>>("get")
                .WithDescription("Show a deal's public record")
                .WithData(MarketOperation.Query<DealSettings, Deal>((m, s, ct) => m.GetDealAsync(s.DealId, ct), Tables.Deal));
            deal.AddCommand<MarketOperationCommand<DealTermsSettings, TermsView>>("terms")
                .WithDescription("Show a deal's private terms, checked against its public hash (seller, buyer, exchange, regulator)")
                .WithData(new MarketOperation<DealTermsSettings, TermsView>(ReadTermsAsync, v => v.Terms, (console, v) => Tables.Terms(console, v.Terms, v.VerifiedAgainst)));
        });

        config.AddCommand<WatchCommand>("watch")
            .WithDescription("Follow bill, deal and party events live, one line each, until Ctrl+C")
            .WithExample("watch", "--as", "Regulator", "--from-block", "0")
            .WithExample("watch", "--as", "BankA", "--bill", "B1");
        config.AddCommand<IdentitiesCommand>("identities")
            .WithDescription("List the names --as accepts, from network.json");
        BenchCommand.Register(config);
        config.AddCommand<DemoCommand>("demo")
            .WithDescription("Walk one bill through its whole life on the running network, step by step (runs again on the same network)")
            .WithExample("demo")
            .WithExample("demo", "--start", "2026-03-02");
    }

    private static async Task<Committed<Party>> RegisterPartyAsync(MarketSession session, PartyRegisterSettings settings, CancellationToken cancellationToken)
    {
        var mspId = settings.Msp;
        var subject = settings.Subject;
        if (settings.SubjectOf is { } name)
        {
            var identity = session.Identities.Resolve(name);
            string pem;
            try
            {
                pem = await File.ReadAllTextAsync(identity.CertificateFile, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new NetworkSetupException($"Cannot read the certificate of {identity.Name} ({identity.CertificateFile}): {ex.Message}", ex);
            }

            subject = PartySubject.FromPem(pem);
            mspId ??= identity.MspId;
        }

        var registration = new PartyRegistration(settings.PartyId, settings.Kind, mspId!, settings.Name, subject);
        return await session.Market.RegisterPartyAsync(registration, cancellationToken);
    }

    private static async Task<BillListing> ListBillsAsync(MarketSession session, BillListSettings settings, CancellationToken cancellationToken)
    {
        if (settings.All)
        {
            var bills = await session.Market.ListAllBillsAsync(settings.Filter, settings.PageSize, cancellationToken).ToListAsync(cancellationToken);
            return new BillListing(bills, Bookmark: null);
        }

        var page = await session.Market.ListBillsAsync(settings.Filter, settings.PageSize, settings.Bookmark ?? string.Empty, cancellationToken);
        return new BillListing(page.Bills, page.Bookmark);
    }

    private static async Task<TermsView> ReadTermsAsync(MarketSession session, DealTermsSettings settings, CancellationToken cancellationToken)
    {
        var market = session.Market;
        if (settings.PeerOrg is { } peerOrg)
        {
            var options = new BillMarketClientOptions { ChaincodeName = market.Contract.ChaincodeName, ContractName = market.Contract.ContractName };
            options.DealTermsOrganizations.Add(peerOrg);
            market = new BillMarketClient(market.Network, options);
        }

        if (settings.NoVerify)
        {
            return new TermsView(await market.GetDealTermsAsync(settings.DealId, cancellationToken), VerifiedAgainst: null);
        }

        var verified = await market.GetVerifiedDealTermsAsync(settings.DealId, cancellationToken);
        return new TermsView(verified.Terms, verified.Deal);
    }
}
