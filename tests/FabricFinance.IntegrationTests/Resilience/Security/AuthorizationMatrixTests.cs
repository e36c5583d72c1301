using System.Globalization;
using System.Text;
using FabricFinance.Bills;
using FabricFinance.Client;
using FabricFinance.IntegrationTests.Bills;
using static FabricFinance.IntegrationTests.Bills.Market;

namespace FabricFinance.IntegrationTests.Resilience.Security;

/// <summary>
/// Issue 8, part 5: BILLS.md's transaction table on real Fabric, every transaction tried by every role
/// (the exchange, the acceptor bank, another bank, the drawer, the holder, another enterprise, the
/// regulator, and a never-registered client of a member org) against one representative bill or deal
/// each. The tries are evaluated: the chaincode decides on the peer exactly as for a submit, from the
/// real certificates, and nothing is written. The in-memory rulebook covers every state.
/// </summary>
/// <remarks>
/// BankB's User2 was never registered, yet it acts for BankB: BILLS.md resolves a caller without an
/// exact (MSP, subject) party to its MSP's institution party, and every org of this network has one.
/// An identity that acts for no party at all exists only for MSPs without an institution; this
/// network has none, so that case is left to the in-memory tests (<c>Cast.Stranger</c>).
/// </remarks>
[Category("Integration")]
public sealed class AuthorizationMatrixTests
{
    private const string Exchange = "exchange";
    private const string AcceptorBank = "bankA";
    private const string OtherBank = "bankB";
    private const string Drawer = "drawer";
    private const string Holder = "holder";
    private const string OtherEnterprise = "otherEnterprise";
    private const string Regulator = "regulator";
    private const string Unregistered = "bankB-User2";

    private static readonly string[] Everyone = [Exchange, AcceptorBank, OtherBank, Drawer, Holder, OtherEnterprise, Regulator, Unregistered];

    private static Market M => ResilienceFixture.Market;

    [Test]
    [CancelAfter(180_000)]
    public async Task Evaluate_EveryTransactionByEveryRole_OnlyTheRulebooksCallersMay(CancellationToken ct)
    {
        // Arrange
        using var staff = new MarketMember(BankBId, FabricNetwork.BankB, "User2", M.Clock);
        var roles = new Dictionary<string, MarketMember>
        {
            [Exchange] = M.Exchange,
            [AcceptorBank] = M.BankA,
            [OtherBank] = M.BankB,
            [Drawer] = M.CoreCorp,
            [Holder] = M.SupplierA,
            [OtherEnterprise] = M.SupplierB,
            [Regulator] = M.Regulator,
            [Unregistered] = staff,
        };
        var w = await MatrixWorld.ArrangeAsync(M, ct);
        var terms = Transient("terms", "{\"rateBps\":300}");
        var settlement = Transient("settlement", "{\"paymentRef\":\"PAY-matrix\"}");
        Row[] rows =
        [
            new("IssueBill", r => [Issue(NewId("mx-issue"), r == OtherEnterprise ? "SupplierA" : "SupplierB", w.Due)], [Drawer, Holder, OtherEnterprise]),
            new("AcceptBill", _ => [w.Pending], [AcceptorBank]),
            new("RejectAcceptance", _ => [w.Pending, "no"], [AcceptorBank]),
            new("CancelBill", _ => [w.Pending], [Drawer]),
            new("EndorseBill", _ => [w.Active, "SupplierB"], [Holder]),
            new("RequestDiscount", _ => [Deal(NewId("mx-d"), w.Active, BankAId)], [Holder], terms),
            new("RequestRediscount", _ => [Deal(NewId("mx-r"), w.BankHeld, BankBId)], [AcceptorBank], terms),
            new("AcceptDeal", _ => [w.RequestedDeal], [AcceptorBank]),
            new("RejectDeal", _ => [w.RequestedDeal, "no"], [AcceptorBank]),
            new("CancelDeal", _ => [w.RequestedDeal, "no"], [Holder]),
            new("SettleDeal", _ => [w.AcceptedDeal], [Exchange], settlement),
            new("ExpireDeal", _ => [w.RequestedDeal], Everyone, At: w.Start.AddDays(4)),
            new("PresentForPayment", _ => [w.Active], [Holder], At: w.Due),
            new("PayBill", _ => [w.Presented, "PAID-matrix"], [AcceptorBank], At: w.PresentedOn),
            new("DishonorBill", _ => [w.Presented, "no funds"], [AcceptorBank], At: w.PresentedOn),
            new("FreezeBill", _ => [w.Active, "court order"], [Exchange]),
            new("UnfreezeBill", _ => [w.Frozen, "lifted"], [Exchange]),
            new("RegisterParty", _ => [Registration(NewId("mx-p"))], [Exchange]),
            new("SetPartyStatus", _ => ["SupplierB", "suspended"], [Exchange]),
            new("InitLedger", _ => [Config()], []),
            new("GetDealTerms", _ => [w.RequestedDeal], [Exchange, AcceptorBank, Holder, Regulator]),
            new("GetBill", _ => [w.Active], Everyone),
            new("GetBillHistory", _ => [w.Active], Everyone),
            new("ListBills", _ => ["{\"holder\":\"SupplierA\"}", "5", string.Empty], Everyone),
            new("GetParty", _ => ["SupplierA"], Everyone),
            new("ListParties", _ => [], Everyone),
            new("GetDeal", _ => [w.RequestedDeal], Everyone),
        ];
        var mismatches = new List<string>();
        var table = new StringBuilder().AppendLine("transaction".PadRight(18) + string.Join(" ", Everyone.Select(r => r.PadRight(15))));

        // Act
        foreach (var row in rows)
        {
            M.Clock.SetBusinessDate(row.At ?? w.Start);
            table.Append(row.Function.PadRight(18));
            foreach (var role in Everyone)
            {
                var outcome = await TryAsync(roles[role], row, role, ct);
                var expected = row.Allowed.Contains(role) ? "ok" : "FORBIDDEN";
                table.Append(outcome.PadRight(16));
                if (outcome != expected)
                {
                    mismatches.Add($"{row.Function} by {role}: {outcome}, expected {expected}");
                }
            }

            table.AppendLine();
        }

        M.Clock.SetBusinessDate(w.Start);
        var admin = await TryAsync(M.ExchangeAdmin, rows.Single(r => r.Function == "InitLedger"), "exchange admin", ct);

        // Assert
        await TestContext.Out.WriteLineAsync(table.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(mismatches, Is.Empty);
            Assert.That(admin, Is.EqualTo("ALREADY_EXISTS"), "the exchange's admin may call InitLedger, once");
        });
    }

    /// <summary>Evaluates a row as a member: <c>ok</c>, the refusal's code, or the failure's type.</summary>
    private static async Task<string> TryAsync(MarketMember member, Row row, string role, CancellationToken cancellationToken)
    {
        var options = new ProposalOptions().AddArguments([.. row.Arguments(role)]);
        foreach (var (key, value) in row.Transient ?? new Dictionary<string, byte[]>())
        {
            options.TransientData[key] = value;
        }

        try
        {
            _ = await member.Bills.Contract.EvaluateAsync(row.Function, options, cancellationToken);
            return "ok";
        }
        catch (FabricFinance.Client.Errors.GatewayException ex)
        {
            foreach (var message in ex.Details.Select(d => d.Message).Append(ex.Message))
            {
                if (BillErrorCodes.TryParse(message, out var code, out _))
                {
                    return BillErrorCodes.Format(code, string.Empty).TrimEnd(' ', ':');
                }
            }

            return ex.GetType().Name;
        }
    }

    private static Dictionary<string, byte[]> Transient(string key, string json) => new(StringComparer.Ordinal) { [key] = Encoding.UTF8.GetBytes(json) };

    private static string Issue(string id, string payee, DateOnly due) =>
        $"{{\"id\":\"{id}\",\"kind\":\"bank\",\"payee\":\"{payee}\",\"acceptor\":\"{BankAId}\",\"amount\":1000,\"dueDate\":\"{due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\",\"transferable\":true}}";

    private static string Deal(string dealId, string billId, string buyer) => $"{{\"dealId\":\"{dealId}\",\"billId\":\"{billId}\",\"buyer\":\"{buyer}\"}}";

    private static string Registration(string id) => $"{{\"id\":\"{id}\",\"kind\":\"bank\",\"mspId\":\"{id}MSP\",\"name\":\"Matrix Bank\"}}";

    private static string Config() =>
        $"{{\"exchangeMspId\":\"{FabricNetwork.Exchange}\",\"exchange\":{{\"id\":\"{ExchangeId}\",\"name\":\"x\"}},\"regulatorMspId\":\"{FabricNetwork.Regulator}\",\"regulator\":{{\"id\":\"{RegulatorId}\",\"name\":\"r\"}}}}";

    /// <summary>One transaction of the table: its arguments for a role, who may call it, its transient data and business date.</summary>
    private sealed record Row(string Function, Func<string, string[]> Arguments, IReadOnlyCollection<string> Allowed, Dictionary<string, byte[]>? Transient = null, DateOnly? At = null);
}
