using System.Security.Cryptography;

namespace FabricFinance.Bills.Cli.Commands;

/// <summary>
/// The demo's script: ids unique to this run (a random token in each, so a rerun on the same network never collides),
/// the amounts and rates, and the business date of every step, moving forward only.
/// </summary>
/// <param name="Token">Eight hex digits that make this run's ids unique.</param>
/// <param name="Start">The business date of the first step (issue).</param>
internal sealed record DemoPlan(string Token, DateOnly Start)
{
    /// <summary>The bill's face amount: 1,000,000.00 CNY in fen.</summary>
    public const long Amount = 100_000_000;

    /// <summary>The part SupplierA endorses to SupplierB: 400,000.00 CNY in fen.</summary>
    public const long EndorsedAmount = 40_000_000;

    /// <summary>SupplierB's discount rate at BankA: 3.20% a year.</summary>
    public const int DiscountRateBps = 320;

    /// <summary>BankA's rediscount rate at BankB: 2.80% a year.</summary>
    public const int RediscountRateBps = 280;

    /// <summary>A plan starting on <paramref name="start"/> with a fresh random token.</summary>
    public static DemoPlan Create(DateOnly start) => new(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)), start);

    public string BillId => $"DEMO-{Token}";

    /// <summary>Gets the part that moves on (<c>{id}.1</c>): endorsed, discounted, rediscounted, paid.</summary>
    public string MovedPart => BillId + ".1";

    /// <summary>Gets the part that stays with SupplierA (<c>{id}.2</c>).</summary>
    public string KeptPart => BillId + ".2";

    public string DiscountId => $"DISC-{Token}";

    public string RediscountId => $"REDISC-{Token}";

    public string DiscountPaymentRef => $"CNAPS-{Token}-1";

    public string RediscountPaymentRef => $"CNAPS-{Token}-2";

    public string MaturityPaymentRef => $"CNAPS-{Token}-3";

    public DateOnly Due => Start.AddMonths(3);

    public DateOnly AcceptDate => Start.AddDays(1);

    public DateOnly EndorseDate => Start.AddDays(7);

    public DateOnly DiscountRequestDate => Start.AddDays(14);

    public DateOnly DiscountSettleDate => Start.AddDays(15);

    public DateOnly RediscountRequestDate => Start.AddDays(30);

    public DateOnly RediscountSettleDate => Start.AddDays(31);
}
