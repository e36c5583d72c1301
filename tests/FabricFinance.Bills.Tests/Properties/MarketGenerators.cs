using FsCheck;
using FsCheck.Fluent;

namespace FabricFinance.Bills.Tests.Properties;

/// <summary>
/// Generators of market operation sequences, and their shrinker: shorter sequences first (halves,
/// quarters, … then single operations removed), then simpler operations (entitled actor, no time
/// jump, not backdated, first target, smaller amount).
/// </summary>
public static class MarketGenerators
{
    /// <summary>The longest generated sequence.</summary>
    public const int MaxLength = 30;

    /// <summary>How many actors an operation's <see cref="MarketOperation.Actor"/> may pick besides the entitled one.</summary>
    public const int ActorPoolSize = 13;

    /// <summary>Sequences of 1 to <see cref="MaxLength"/> operations.</summary>
    /// <returns>The arbitrary, with its shrinker.</returns>
    public static Arbitrary<MarketOperation[]> Sequences() =>
        Arb.From(Gen.Choose(1, MaxLength).SelectMany(length => Gen.ArrayOf(Operation(), length)), Shrink);

    /// <summary>One operation, weighted so that bills get issued, moved and dealt often.</summary>
    /// <returns>The generator.</returns>
    public static Gen<MarketOperation> Operation()
    {
        var kinds = Gen.Frequency(
            (8, Gen.Constant(MarketOperationKind.Issue)),
            (10, Gen.Constant(MarketOperationKind.Accept)),
            (1, Gen.Constant(MarketOperationKind.RejectAcceptance)),
            (1, Gen.Constant(MarketOperationKind.Cancel)),
            (8, Gen.Constant(MarketOperationKind.Endorse)),
            (5, Gen.Constant(MarketOperationKind.EndorsePartial)),
            (7, Gen.Constant(MarketOperationKind.RequestDiscount)),
            (3, Gen.Constant(MarketOperationKind.RequestDiscountPartial)),
            (4, Gen.Constant(MarketOperationKind.RequestRediscount)),
            (7, Gen.Constant(MarketOperationKind.AcceptDeal)),
            (2, Gen.Constant(MarketOperationKind.RejectDeal)),
            (2, Gen.Constant(MarketOperationKind.CancelDeal)),
            (6, Gen.Constant(MarketOperationKind.SettleDeal)),
            (2, Gen.Constant(MarketOperationKind.ExpireDeal)),
            (5, Gen.Constant(MarketOperationKind.Present)),
            (4, Gen.Constant(MarketOperationKind.Pay)),
            (2, Gen.Constant(MarketOperationKind.Dishonor)),
            (2, Gen.Constant(MarketOperationKind.Freeze)),
            (3, Gen.Constant(MarketOperationKind.Unfreeze)),
            (1, Gen.Constant(MarketOperationKind.Suspend)),
            (2, Gen.Constant(MarketOperationKind.Reactivate)));
        var actors = Gen.Frequency((7, Gen.Constant(0)), (3, Gen.Choose(1, ActorPoolSize)));
        var days = Gen.Frequency((6, Gen.Constant(0)), (3, Gen.Choose(1, 3)), (1, Gen.Choose(4, 40)));
        var backdated = Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)));
        return from kind in kinds
               from actor in actors
               from target in Gen.Choose(0, 9)
               from party in Gen.Choose(0, 9)
               from amount in Gen.Choose(0, 99)
               from day in days
               from back in backdated
               select new MarketOperation(kind, actor, target, party, amount, day, back);
    }

    /// <summary>Shorter, then simpler sequences.</summary>
    /// <param name="operations">A failing sequence.</param>
    /// <returns>Candidates, most promising first.</returns>
    public static IEnumerable<MarketOperation[]> Shrink(MarketOperation[] operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        for (var size = operations.Length / 2; size >= 1; size /= 2)
        {
            for (var start = 0; start + size <= operations.Length; start += size)
            {
                yield return [.. operations[..start], .. operations[(start + size)..]];
            }
        }

        for (var i = 0; i < operations.Length; i++)
        {
            foreach (var simpler in Simplify(operations[i]))
            {
                yield return [.. operations[..i], simpler, .. operations[(i + 1)..]];
            }
        }
    }

    private static IEnumerable<MarketOperation> Simplify(MarketOperation operation)
    {
        if (operation.Backdated)
        {
            yield return operation with { Backdated = false };
        }

        if (operation.Days > 0)
        {
            yield return operation with { Days = 0 };
        }

        if (operation.Actor > 0)
        {
            yield return operation with { Actor = 0 };
        }

        if (operation.Target > 0)
        {
            yield return operation with { Target = 0 };
        }

        if (operation.Party > 0)
        {
            yield return operation with { Party = 0 };
        }

        if (operation.Amount > 0)
        {
            yield return operation with { Amount = operation.Amount / 2 };
        }
    }
}
