namespace FabricFinance.Bills.Client.Internal;

/// <summary>
/// Checks arguments against the rulebook's limits (<see cref="BillRules"/>) before anything is sent, so that a value
/// that could never be right fails fast with an exception naming the parameter (or the request's member).
/// </summary>
internal static class Require
{
    /// <summary>A client-chosen bill, deal or party id: <c>[A-Za-z0-9_-]{1,64}</c>.</summary>
    public static void Id(string? value, string name)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        if (!BillRules.IsValidId(value))
        {
            throw new ArgumentException($"{name} '{value}' is not a valid id: 1 to 64 characters of A-Z, a-z, 0-9, '_' and '-'.", name);
        }
    }

    /// <summary>A bill id or a sub-bill id derived from one (<c>{id}.1</c>, <c>{id}.2.1</c>, ...).</summary>
    public static void BillReference(string? value, string name)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        if (!BillRules.IsValidBillReference(value))
        {
            throw new ArgumentException(
                $"{name} '{value}' is not a bill id: an id of 1 to 64 characters of A-Z, a-z, 0-9, '_' and '-', followed by any number of '.1' or '.2'.",
                name);
        }
    }

    /// <summary>An amount in fen, 1 to 10^13.</summary>
    public static void Amount(long value, string name)
    {
        if (value is < 1 or > BillRules.MaxAmount)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be an amount in fen from 1 to {BillRules.MaxAmount}.");
        }
    }

    /// <summary>An optional partial amount in fen.</summary>
    public static void OptionalAmount(long? value, string name)
    {
        if (value is { } amount)
        {
            Amount(amount, name);
        }
    }

    /// <summary>An annual discount rate in basis points, 1 to 10000.</summary>
    public static void RateBps(int value, string name)
    {
        if (value is < BillRules.MinRateBps or > BillRules.MaxRateBps)
        {
            throw new ArgumentOutOfRangeException(
                name, value, $"{name} must be an annual rate in basis points from {BillRules.MinRateBps} to {BillRules.MaxRateBps}.");
        }
    }

    /// <summary>A reason: some text, at most 500 characters.</summary>
    public static void Reason(string? value, string name) => Text(value, name, BillRules.MaxReasonLength);

    /// <summary>A party's display name: some text, at most 200 characters.</summary>
    public static void Name(string? value, string name) => Text(value, name, BillRules.MaxNameLength);

    /// <summary>An MSP id: some text, at most 128 characters.</summary>
    public static void MspId(string? value, string name) => Text(value, name, BillRules.MaxMspIdLength);

    /// <summary>An optional certificate subject: some text, at most 1024 characters.</summary>
    public static void OptionalSubject(string? value, string name)
    {
        if (value is not null)
        {
            Text(value, name, BillRules.MaxSubjectLength);
        }
    }

    /// <summary>A payment reference: <c>[A-Za-z0-9_.:/-]{1,64}</c>.</summary>
    public static void PaymentRef(string? value, string name)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        if (!BillRules.IsValidPaymentRef(value))
        {
            throw new ArgumentException($"{name} '{value}' is not a valid payment reference: 1 to 64 characters of A-Z, a-z, 0-9 and '_.:/-'.", name);
        }
    }

    /// <summary>A value of an enum that the rulebook names.</summary>
    public static void Defined<TEnum>(TEnum value, string name)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} is not a defined {typeof(TEnum).Name}.");
        }
    }

    /// <summary>A page size of <c>ListBills</c>, 1 to 1000.</summary>
    public static void PageSize(int value, string name)
    {
        if (value is < 1 or > BillRules.MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be from 1 to {BillRules.MaxPageSize}.");
        }
    }

    /// <summary>
    /// The filter of <c>ListBills</c>: valid party ids, a defined status, and a date range that is not reversed.
    /// </summary>
    public static void Filter(BillFilter filter, string name)
    {
        if (filter.Holder is not null)
        {
            Id(filter.Holder, $"{name}.{nameof(BillFilter.Holder)}");
        }

        if (filter.Acceptor is not null)
        {
            Id(filter.Acceptor, $"{name}.{nameof(BillFilter.Acceptor)}");
        }

        if (filter.Status is { } status)
        {
            Defined(status, $"{name}.{nameof(BillFilter.Status)}");
        }

        if (filter.DueFrom is { } from && filter.DueTo is { } to && from > to)
        {
            throw new ArgumentException(
                $"{name}.{nameof(BillFilter.DueFrom)} {BillArguments.Date(from)} is after {name}.{nameof(BillFilter.DueTo)} {BillArguments.Date(to)}.", name);
        }
    }

    private static void Text(string? value, string name, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{name} is empty or white space.", name);
        }

        if (value.Length > maxLength)
        {
            throw new ArgumentException($"{name} is {value.Length} characters long; at most {maxLength} are allowed.", name);
        }
    }
}
