using System.Text.Json;
using FabricFinance.Chaincode.Testing;

namespace FabricFinance.Bills.Tests.Support;

/// <summary>Reads transaction results as the shared model's records.</summary>
public static class Read
{
    /// <summary>The payload as a bill.</summary>
    public static Bill Bill(TransactionResult result) => Payload<Bill>(result);

    /// <summary>The payload as a deal.</summary>
    public static Deal Deal(TransactionResult result) => Payload<Deal>(result);

    /// <summary>The payload as a party.</summary>
    public static Party Party(TransactionResult result) => Payload<Party>(result);

    /// <summary>The payload as a page of bills.</summary>
    public static BillPage Page(TransactionResult result) => Payload<BillPage>(result);

    /// <summary>The payload as a bill history.</summary>
    public static IReadOnlyList<BillHistoryEntry> History(TransactionResult result) => Payload<List<BillHistoryEntry>>(result);

    /// <summary>The payload as a list of parties.</summary>
    public static IReadOnlyList<Party> Parties(TransactionResult result) => Payload<List<Party>>(result);

    /// <summary>The payload read as JSON of a type, with the model's options.</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <param name="result">A successful result.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentException">The result is a refusal.</exception>
    /// <exception cref="JsonException">The payload is not JSON of that type.</exception>
    public static T Payload<T>(TransactionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.Response.IsSuccess)
        {
            throw new ArgumentException($"Expected a successful response with a {typeof(T).Name}, got status {result.Status}: {result.Message}", nameof(result));
        }

        return BillJson.Deserialize<T>(result.Payload.Span);
    }
}
