using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FabricFinance.Chaincode;

namespace FabricFinance.IntegrationTests.Chaincode;

/// <summary>Writes the probe's answers: JSON objects with a fixed property order, so every endorser answers the same bytes.</summary>
internal static class ProbeJson
{
    public static ChaincodeResponse Answer(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return ChaincodeResponse.Success(buffer.ToArray());
    }

    /// <summary>A refusal the probe reports instead of failing: the message with the transaction id replaced by &lt;txid&gt;.</summary>
    /// <summary>A key-level endorsement policy as <c>{"orgs": [...]}</c>, or <c>{"orgs": null}</c> when the key has none.</summary>
    public static ChaincodeResponse PolicyOrgs(byte[]? policy) => Answer(w =>
    {
        if (policy is null)
        {
            w.WriteNull("orgs");
            return;
        }

        w.WriteStartArray("orgs");
        foreach (var org in new KeyEndorsementPolicy(policy).ListOrgs())
        {
            w.WriteStringValue(org);
        }

        w.WriteEndArray();
    });

    public static ChaincodeResponse Error(IChaincodeStub stub, Exception exception) =>
        Answer(w => w.WriteString("error", Normalize(stub, exception.Message)));

    public static string Normalize(IChaincodeStub stub, string message) =>
        message.Replace(stub.TransactionId, "<txid>", StringComparison.Ordinal);

    public static void WriteText(this Utf8JsonWriter writer, string name, byte[]? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, Encoding.UTF8.GetString(value));
        }
    }

    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    public static string Sha256(ReadOnlySpan<byte> bytes) => Hex(SHA256.HashData(bytes));

    public static string Timestamp(DateTimeOffset timestamp) => timestamp.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    public static string[] ReadArray(string json) =>
        JsonSerializer.Deserialize<string[]>(json) ?? throw new ArgumentException("Expected a JSON array of strings.", nameof(json));
}
