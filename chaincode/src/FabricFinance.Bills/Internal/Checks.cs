using System.Text.RegularExpressions;

namespace FabricFinance.Bills.Contract.Internal;

/// <summary>
/// Checks of the form of arguments and transient data (the first rule of the error precedence):
/// each throws <c>INVALID_ARGUMENT</c> naming the value and what it should be.
/// </summary>
internal static partial class Checks
{
    /// <summary>A client-chosen bill, deal or party id: <c>[A-Za-z0-9_-]{1,64}</c>.</summary>
    public static void Id(string value, string what)
    {
        if (!BillRules.IsValidId(value))
        {
            throw Refusal.InvalidArgument($"{what} {Text.Quote(value)} is not a valid id: use 1 to 64 letters, digits, '_' or '-'.");
        }
    }

    /// <summary>A bill id as it may be named: an issued bill's id, or a sub-bill's (<c>{id}.1</c>, <c>{id}.2.1</c>, ...).</summary>
    public static void BillReference(string value, string what = "bill id")
    {
        if (!BillRules.IsValidBillReference(value))
        {
            throw Refusal.InvalidArgument($"{what} {Text.Quote(value)} is not a valid bill id: use 1 to 64 letters, digits, '_' or '-', followed by any sub-bill parts '.1' or '.2'.");
        }
    }

    /// <summary>An amount in fen: 1 to 10^13.</summary>
    public static void Amount(long value, string what)
    {
        if (value is < 1 or > BillRules.MaxAmount)
        {
            throw Refusal.InvalidArgument($"{what} {Text.Number(value)} is out of range: an amount is 1 to {Text.Number(BillRules.MaxAmount)} fen.");
        }
    }

    /// <summary>Free text (a name or a reason): not blank, at most <paramref name="maxLength"/> characters (Unicode code points).</summary>
    public static void FreeText(string value, string what, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw Refusal.InvalidArgument($"{what} is empty: give 1 to {Text.Number(maxLength)} characters.");
        }

        if (!IsValidUtf16(value))
        {
            throw Refusal.InvalidArgument($"{what} is not valid Unicode text (it holds a lone surrogate).");
        }

        var length = value.EnumerateRunes().Count();
        if (length > maxLength)
        {
            throw Refusal.InvalidArgument($"{what} has {Text.Number(length)} characters: at most {Text.Number(maxLength)} are allowed.");
        }
    }

    /// <summary>An MSP id: 1 to 128 letters, digits, '.', '_' or '-'.</summary>
    public static void MspId(string value, string what)
    {
        if (!MspIdPattern().IsMatch(value))
        {
            throw Refusal.InvalidArgument($"{what} {Text.Quote(value)} is not a valid MSP id: use 1 to {Text.Number(BillRules.MaxMspIdLength)} letters, digits, '.', '_' or '-'.");
        }
    }

    /// <summary>A certificate subject as the Go client identity renders it, e.g. <c>CN=User1@banka.example.com,OU=client,...</c>.</summary>
    public static void Subject(string value, string partyId)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > BillRules.MaxSubjectLength || value.Any(char.IsControl) || !value.Contains('=', StringComparison.Ordinal) || !IsValidUtf16(value)
            || value.Contains(Chaincode.CompositeKey.MaxUnicodeRune, StringComparison.Ordinal))
        {
            throw Refusal.InvalidArgument(
                $"subject {Text.Quote(value)} of party {partyId} is not a certificate subject: give it as rendered by the client identity (for example CN=User1@banka.example.com,OU=client,L=San Francisco,ST=California,C=US), at most {Text.Number(BillRules.MaxSubjectLength)} characters, or omit it for an institution.");
        }
    }

    /// <summary>A payment reference: <c>[A-Za-z0-9_.:/-]{1,64}</c>.</summary>
    public static void PaymentRef(string value, string what)
    {
        if (!BillRules.IsValidPaymentRef(value))
        {
            throw Refusal.InvalidArgument($"{what} {Text.Quote(value)} is not a valid payment reference: use 1 to 64 letters, digits, '_', '.', ':', '/' or '-'.");
        }
    }

    /// <summary>A discount rate: 1 to 10000 basis points.</summary>
    public static void RateBps(int value, string dealId)
    {
        if (value is < BillRules.MinRateBps or > BillRules.MaxRateBps)
        {
            throw Refusal.InvalidArgument(
                $"transient terms of deal {dealId}: rateBps {Text.Number(value)} is out of range: a rate is {Text.Number(BillRules.MinRateBps)} to {Text.Number(BillRules.MaxRateBps)} basis points.");
        }
    }

    private static bool IsValidUtf16(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,128}\z", RegexOptions.CultureInvariant)]
    private static partial Regex MspIdPattern();
}
