using FabricFinance.Chaincode;
using FabricFinance.Chaincode.Contracts;

namespace FabricFinance.IntegrationTests.Chaincode;

/// <summary>Private data: values come in through transient data and go out only as hashes, unless read back.</summary>
public sealed partial class ProbeContract
{
    /// <summary>The transient data key holding the private value to write.</summary>
    public const string TransientValueKey = "value";

    /// <summary>Writes the transient <c>value</c> to a private key; answers only its hash.</summary>
    [Transaction]
    public async Task<ChaincodeResponse> PutPrivate(Context context, string collection, string key)
    {
        var stub = context.Stub;
        if (!stub.TransientData.TryGetValue(TransientValueKey, out var value))
        {
            return ChaincodeResponse.Failure("PutPrivate needs the private value in transient data under 'value'.");
        }

        try
        {
            await stub.PutPrivateDataAsync(collection, key, value, context.CancellationToken);
            return ProbeJson.Answer(w =>
            {
                w.WriteString("txId", stub.TransactionId);
                w.WriteString("valueSha256", ProbeJson.Sha256(value.Span));
            });
        }
        catch (ChaincodeException ex)
        {
            return ProbeJson.Error(stub, ex);
        }
    }

    /// <summary>
    /// Reads private data and FAILS the endorsement (status 500) when the peer cannot: on a peer whose
    /// org is not a collection member that is the case, so one org's peer refuses and the other's does not.
    /// </summary>
    [Transaction]
    public async Task<ChaincodeResponse> ReadPrivateOrFail(Context context, string collection, string key)
    {
        try
        {
            var value = await context.Stub.GetPrivateDataAsync(collection, key, context.CancellationToken);
            return ProbeJson.Answer(w => w.WriteString("valueSha256", value is null ? null : ProbeJson.Sha256(value)));
        }
        catch (ChaincodeException ex)
        {
            return ChaincodeResponse.Failure("this peer cannot read the private data: " + ProbeJson.Normalize(context.Stub, ex.Message));
        }
    }

    /// <summary>Reads a private value (as this peer holds it).</summary>
    [Transaction(Evaluate = true)]
    public async Task<ChaincodeResponse> GetPrivate(Context context, string collection, string key)
    {
        try
        {
            var value = await context.Stub.GetPrivateDataAsync(collection, key, context.CancellationToken);
            return ProbeJson.Answer(w => w.WriteText("value", value));
        }
        catch (ChaincodeException ex)
        {
            return ProbeJson.Error(context.Stub, ex);
        }
    }

    /// <summary>Reads the hash of a private value, which every peer holds.</summary>
    [Transaction(Evaluate = true)]
    public async Task<ChaincodeResponse> GetPrivateHash(Context context, string collection, string key)
    {
        try
        {
            var hash = await context.Stub.GetPrivateDataHashAsync(collection, key, context.CancellationToken);
            return ProbeJson.Answer(w =>
            {
                if (hash is null)
                {
                    w.WriteNull("hash");
                }
                else
                {
                    w.WriteString("hash", ProbeJson.Hex(hash));
                }
            });
        }
        catch (ChaincodeException ex)
        {
            return ProbeJson.Error(context.Stub, ex);
        }
    }

    /// <summary>Deletes a private key.</summary>
    [Transaction]
    public async Task<ChaincodeResponse> DeletePrivate(Context context, string collection, string key)
    {
        try
        {
            await context.Stub.DeletePrivateDataAsync(collection, key, context.CancellationToken);
            return ProbeJson.Answer(w => w.WriteString("txId", context.Stub.TransactionId));
        }
        catch (ChaincodeException ex)
        {
            return ProbeJson.Error(context.Stub, ex);
        }
    }

    /// <summary>Purges a private key (needs the V2_5 application capability).</summary>
    [Transaction]
    public async Task<ChaincodeResponse> PurgePrivate(Context context, string collection, string key)
    {
        try
        {
            await context.Stub.PurgePrivateDataAsync(collection, key, context.CancellationToken);
            return ProbeJson.Answer(w => w.WriteString("txId", context.Stub.TransactionId));
        }
        catch (ChaincodeException ex)
        {
            return ProbeJson.Error(context.Stub, ex);
        }
    }

    /// <summary>Streams a range of a private collection (only in a transaction that writes nothing).</summary>
    [Transaction(Evaluate = true)]
    public async Task<ChaincodeResponse> PrivateRange(Context context, string collection, string startKey, string endKey)
    {
        try
        {
            var keys = new List<string>();
            await foreach (var kv in context.Stub.GetPrivateDataByRangeAsync(collection, startKey, endKey, context.CancellationToken))
            {
                keys.Add(kv.Key);
            }

            return ProbeJson.Answer(w =>
            {
                w.WriteStartArray("keys");
                foreach (var key in keys)
                {
                    w.WriteStringValue(key);
                }

                w.WriteEndArray();
            });
        }
        catch (ChaincodeException ex)
        {
            return ProbeJson.Error(context.Stub, ex);
        }
    }

    /// <summary>A write and then a private range query: the peer refuses the query.</summary>
    [Transaction]
    public async Task<ChaincodeResponse> WriteThenPrivateRange(Context context, string key, string collection)
    {
        try
        {
            await context.Stub.PutStateAsync(key, "x"u8.ToArray(), context.CancellationToken);
            await foreach (var kv in context.Stub.GetPrivateDataByRangeAsync(collection, string.Empty, string.Empty, context.CancellationToken))
            {
                break;
            }

            return ProbeJson.Answer(w => w.WriteNull("error"));
        }
        catch (ChaincodeException ex)
        {
            return ProbeJson.Error(context.Stub, ex);
        }
    }
}
