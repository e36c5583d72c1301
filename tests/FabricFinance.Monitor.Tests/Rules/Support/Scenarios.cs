using FabricFinance.Bills;

namespace FabricFinance.Monitor.Tests.Rules.Support;

/// <summary>The streams that trigger each rule with its default thresholds; the docs name the tests that use them.</summary>
internal static class Scenarios
{
    /// <summary>B1 goes payee → x → y → payee: a loop of three transfers closed by tx005.</summary>
    public static ActivityStreamBuilder CircularEndorsement(ActivityStreamBuilder? s = null) =>
        (s ?? new ActivityStreamBuilder())
            .Issue("B1")
            .Advance(TimeSpan.FromHours(1)).Endorse("B1", "x")
            .NextDay().Endorse("B1", "y")
            .NextDay().Endorse("B1", "payee");

    /// <summary>B2 is accepted and endorsed three times on one business day: the fourth transfer is tx005.</summary>
    public static ActivityStreamBuilder RapidTransfers(ActivityStreamBuilder? s = null) =>
        (s ?? new ActivityStreamBuilder())
            .Issue("B2")
            .Advance(TimeSpan.FromMinutes(20)).Endorse("B2", "x")
            .Advance(TimeSpan.FromMinutes(20)).Endorse("B2", "y")
            .Advance(TimeSpan.FromMinutes(20)).Endorse("B2", "z");

    /// <summary>Three discount deals on one day at 400, 410 and 900 bps: the third is off-market.</summary>
    public static ActivityStreamBuilder OffMarketRate(ActivityStreamBuilder? s = null, int first = 400, int second = 410, int third = 900) =>
        (s ?? new ActivityStreamBuilder())
            .Issue("R1", payee: "seller-1").Issue("R2", payee: "seller-2").Issue("R3", payee: "seller-3")
            .RequestDeal("R1", "D1", "bank-b", first)
            .RequestDeal("R2", "D2", "bank-b", second)
            .RequestDeal("R3", "D3", "bank-c", third);

    /// <summary>On C1 the payee requests and withdraws three deals: cancelled, rejected, cancelled.</summary>
    public static ActivityStreamBuilder RequestCancelChurn(ActivityStreamBuilder? s = null) =>
        (s ?? new ActivityStreamBuilder())
            .Issue("C1")
            .RequestDeal("C1", "C1-D1", "bank-b", 400).CancelDeal("C1-D1")
            .RequestDeal("C1", "C1-D2", "bank-b", 400).RejectDeal("C1-D2")
            .RequestDeal("C1", "C1-D3", "bank-c", 390).CancelDeal("C1-D3");

    /// <summary>Two read conflicts on S1 from the payee and from x, three minutes apart.</summary>
    public static ActivityStreamBuilder DoubleSaleTrace(ActivityStreamBuilder? s = null) =>
        (s ?? new ActivityStreamBuilder())
            .Issue("S1")
            .Advance(TimeSpan.FromMinutes(1)).Endorse("S1", "x")
            .Invalid("S1", "payee")
            .Advance(TimeSpan.FromMinutes(3)).Invalid("S1", "x", "PhantomReadConflict", BillTransactions.RequestDiscount);

    /// <summary>L1 (due 06-01) is endorsed to x on 05-31 and presented by x on 06-01.</summary>
    public static ActivityStreamBuilder LateAcquisitionPresentment(ActivityStreamBuilder? s = null)
    {
        s ??= new ActivityStreamBuilder();
        return s.Issue("L1", due: ActivityStreamBuilder.Day(6, 1))
            .At(new DateTimeOffset(2026, 5, 31, 15, 0, 0, BusinessCalendar.Offset)).Endorse("L1", "x")
            .At(new DateTimeOffset(2026, 6, 1, 9, 30, 0, BusinessCalendar.Offset)).Present("L1");
    }
}
