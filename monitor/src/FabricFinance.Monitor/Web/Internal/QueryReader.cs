using System.Globalization;
using FabricFinance.Bills;
using Microsoft.Extensions.Primitives;

namespace FabricFinance.Monitor.Web.Internal;

/// <summary>
/// Reads an API request's query parameters, collecting one message per bad parameter, so that a request with bad
/// input gets a 400 that names every parameter and what was wrong with it instead of an exception.
/// </summary>
internal sealed class QueryReader(IQueryCollection query)
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    /// <summary>Gets a value indicating whether any parameter was bad.</summary>
    public bool HasErrors => _errors.Count > 0;

    /// <summary>Records that a parameter was bad.</summary>
    /// <param name="name">The parameter.</param>
    /// <param name="message">What was wrong with it.</param>
    public void Fail(string name, string message) => _errors.TryAdd(name, [message]);

    /// <summary>Reads an enumeration member by its name (case-insensitive); absent or empty means no filter.</summary>
    public TEnum? Enum<TEnum>(string name, string what)
        where TEnum : struct, Enum
    {
        if (Single(name) is not { } raw)
        {
            return null;
        }

        foreach (var candidate in System.Enum.GetValues<TEnum>())
        {
            if (string.Equals(candidate.ToString(), raw, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        Fail(name, $"unknown {what} '{Clip(raw)}'; expected one of {string.Join(", ", System.Enum.GetNames<TEnum>())}.");
        return null;
    }

    /// <summary>Reads a party id; absent or empty means no filter.</summary>
    public string? PartyId(string name)
    {
        if (Single(name) is not { } raw)
        {
            return null;
        }

        if (!BillRules.IsValidId(raw))
        {
            Fail(name, $"'{Clip(raw)}' is not a party id (1 to 64 letters, digits, '_' or '-').");
            return null;
        }

        return raw;
    }

    /// <summary>Reads a bill id, a split part's included; absent or empty means no filter.</summary>
    public string? BillId(string name)
    {
        if (Single(name) is not { } raw)
        {
            return null;
        }

        if (!BillRules.IsValidBillReference(raw))
        {
            Fail(name, $"'{Clip(raw)}' is not a bill id (1 to 64 letters, digits, '_' or '-', then '.1' or '.2' per split).");
            return null;
        }

        return raw;
    }

    /// <summary>Reads a calendar day written <c>yyyy-MM-dd</c>; absent or empty means no filter.</summary>
    public DateOnly? Date(string name)
    {
        if (Single(name) is not { } raw)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            Fail(name, $"'{Clip(raw)}' is not a date; write it as yyyy-MM-dd, e.g. 2026-03-31.");
            return null;
        }

        return day;
    }

    /// <summary>Reads a whole number within bounds; absent or empty gives the default.</summary>
    public long Number(string name, long defaultValue, long min, long max)
    {
        if (Single(name) is not { } raw)
        {
            return defaultValue;
        }

        if (!long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Fail(name, $"'{Clip(raw)}' is not a whole number.");
            return defaultValue;
        }

        if (value < min || value > max)
        {
            var invariant = CultureInfo.InvariantCulture;
            Fail(name, max >= int.MaxValue
                ? value < min
                    ? string.Create(invariant, $"must be {min} or more, got {value}.")
                    : string.Create(invariant, $"must be at most {max}, got {value}.")
                : string.Create(invariant, $"must be between {min} and {max}, got {value}."));
            return defaultValue;
        }

        return value;
    }

    /// <summary>Builds the 400 response that names every bad parameter.</summary>
    public IResult Problem()
    {
        var detail = string.Join(" ", _errors.Select(e => $"{e.Key}: {e.Value[0]}"));
        return TypedResults.ValidationProblem(
            _errors, detail: detail, title: "One or more query parameters are invalid.", type: "about:blank");
    }

    /// <summary>Shortens a bad value so that an error message never echoes an arbitrarily long input.</summary>
    internal static string Clip(string value) => value.Length <= 80 ? value : string.Concat(value.AsSpan(0, 80), "…");

    private string? Single(string name)
    {
        StringValues values = query[name];
        if (values.Count == 0)
        {
            return null;
        }

        if (values.Count > 1)
        {
            Fail(name, "was given more than once.");
            return null;
        }

        var value = values[0]?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
