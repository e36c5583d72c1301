using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace FabricFinance.Bills;

/// <summary>
/// The private terms of a deal. They live only in the deal's private data collection
/// (<see cref="TermsCollections"/>); the public deal record carries their hash.
/// </summary>
/// <param name="Days">Calendar days from the business date to the due date; <see langword="null"/> until the buyer accepts.</param>
/// <param name="Interest">Discount interest in fen; <see langword="null"/> until the buyer accepts.</param>
/// <param name="PaymentRef">The exchange's reference of the off-ledger payment; <see langword="null"/> until settlement.</param>
/// <param name="Payout">What the buyer pays the seller, in fen: amount minus interest; <see langword="null"/> until the buyer accepts.</param>
/// <param name="RateBps">Annual discount rate in basis points, 1 to 10000.</param>
public sealed record DealTerms(int? Days, long? Interest, string? PaymentRef, long? Payout, int RateBps)
{
    /// <summary>Creates the terms as the seller proposes them: only the rate is known.</summary>
    /// <param name="rateBps">Annual rate in basis points, 1 to 10000.</param>
    /// <returns>Terms with every computed value <see langword="null"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rateBps"/> is outside 1 to 10000.</exception>
    public static DealTerms Proposed(int rateBps)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rateBps, BillRules.MinRateBps);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rateBps, BillRules.MaxRateBps);
        return new DealTerms(null, null, null, null, rateBps);
    }

    /// <summary>Computes days, interest and payout for a sale of <paramref name="amount"/> on <paramref name="businessDate"/>.</summary>
    /// <param name="amount">Face value sold, in fen.</param>
    /// <param name="businessDate">The business date of the accepting or settling transaction.</param>
    /// <param name="dueDate">The bill's due date, later than <paramref name="businessDate"/>.</param>
    /// <returns>These terms with the computed values filled in (the payment reference is kept).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The amount is not positive or the due date is not later.</exception>
    public DealTerms ComputedFor(long amount, DateOnly businessDate, DateOnly dueDate)
    {
        var days = DiscountMath.Days(businessDate, dueDate);
        var interest = DiscountMath.Interest(amount, RateBps, days);
        return this with { Days = days, Interest = interest, Payout = amount - interest };
    }

    /// <summary>
    /// Writes the canonical JSON of these terms: exactly
    /// <c>{"days":…,"interest":…,"paymentRef":…,"payout":…,"rateBps":…}</c>, keys in code-point order,
    /// no white space, <c>null</c> where a value is not known yet.
    /// </summary>
    /// <returns>The UTF-8 bytes.</returns>
    public byte[] ToCanonicalJson()
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            WriteNullable(writer, "days", Days);
            WriteNullable(writer, "interest", Interest);
            if (PaymentRef is null)
            {
                writer.WriteNull("paymentRef");
            }
            else
            {
                writer.WriteString("paymentRef", PaymentRef);
            }

            WriteNullable(writer, "payout", Payout);
            writer.WriteNumber("rateBps", RateBps);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Computes the public <c>termsHash</c>: lowercase hex SHA-256 of <see cref="ToCanonicalJson"/>.</summary>
    /// <returns>64 lowercase hex digits.</returns>
    public string ComputeHash() => Convert.ToHexStringLower(SHA256.HashData(ToCanonicalJson()));

    private static void WriteNullable(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
