using System.Text;
using FabricFinance.Chaincode;
using FabricFinance.Chaincode.Contracts;

namespace FabricFinance.IntegrationTests.Chaincode;

/// <summary>The rest of the private data API (multi-get, composite keys, rich queries, key policies) and write batches.</summary>
public sealed partial class ProbeContract
{
    /// <summary>Reads several private keys at once (a JSON array of keys).</summary>
    [Transaction(Evaluate = true)]
    public async Task<ChaincodeResponse> GetMultiplePrivate(Context context, string collection, string keysJson)
    {
        try
        {
            var values = await context.Stub.GetMultiplePrivateDataAsync(collection, ProbeJson.ReadArray(keysJson), context.CancellationToken);
            return ProbeJson.Answer(w =>
            {
                w.WriteStartArray("values");
                foreach (var value in values)
                {
                    if (value is null)
                    {
                        w.WriteNullValue();
                    }
                    else
                    {
                        w.WriteStringValue(Encoding.UTF8.GetString(value));
                    }
                }

                w.WriteEndArray();
            });
        }
        catch (ChaincodeException ex)
        {
            return ProbeJson.Error(context.Stub, ex);
        }
    }

    /// <summary>Writes the transient <c>value</c> under a private composite key (attributes as a JSON array).</summary>
    [Transaction]
    public async Task<ChaincodeResponse> PutPrivateComposite(Context context, string collection, string objectType, string attributesJson)
    {
        if (!context.Stub.TransientData.TryGetValue(TransientValueKey, out var value))
        {
            return ChaincodeResponse.Failure("PutPrivateComposite needs the private value in transient data under 'value'.");
        }

        await context.Stub.PutPrivateDataAsync(collection, CompositeKey.Create(objectType, ProbeJson.ReadArray(attributesJson)), value, context.CancellationToken);
        return ProbeJson.Answer(w => w.WriteString("txId", context.Stub.TransactionId));
    }

    /// <summary>Streams the private composite keys matching a partial key.</summary>
    [Transaction(Evaluate = true)]
    public async Task<ChaincodeResponse> PrivatePartial(Context context, string collection, string objectType, string attributesJson)
    {
        try
        {
            var keys = new List<string>();
            await foreach (var kv in context.Stub.GetPrivateDataByPartialCompositeKeyAsync(collection, objectType, ProbeJson.ReadArray(attributesJson), context.CancellationToken))
            {
                keys.Add(Describe(kv.Key) + "=" + Encoding.UTF8.GetString(kv.Value.Span));
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

    /// <summary>A rich query over a private collection; on LevelDB the peer refuses it.</summary>
    [Transaction(Evaluate = true)]
    public async Task<ChaincodeResponse> PrivateRichQuery(Context context, string collection, string query)
    {
        try
        {
            var count = 0;
            await foreach (var kv in context.Stub.GetPrivateDataQueryResultAsync(collection, query, context.CancellationToken))
            {
                count++;
            }

            return ProbeJson.Answer(w => w.WriteNumber("count", count));
        }
        catch (ChaincodeException ex)
        {
            return ProbeJson.Error(context.Stub, ex);
        }
    }

    /// <summary>Sets a private key's endorsement policy: every organization of a JSON array must endorse changes to it.</summary>
    [Transaction]
    public async Task<ChaincodeResponse> SetPrivateKeyPolicy(Context context, string collection, string key, string orgsJson)
    {
        var policy = new KeyEndorsementPolicy();
        policy.AddOrgs(EndorsementRole.Member, ProbeJson.ReadArray(orgsJson));
        await context.Stub.SetPrivateDataValidationParameterAsync(collection, key, policy.GetPolicy(), context.CancellationToken);
        return ProbeJson.Answer(w => w.WriteString("txId", context.Stub.TransactionId));
    }

    /// <summary>Reads a private key's endorsement policy as the list of organizations it requires.</summary>
    [Transaction(Evaluate = true)]
    public async Task<ChaincodeResponse> GetPrivateKeyPolicy(Context context, string collection, string key)
    {
        var bytes = await context.Stub.GetPrivateDataValidationParameterAsync(collection, key, context.CancellationToken);
        return ProbeJson.PolicyOrgs(bytes);
    }

    /// <summary>Puts a key inside a write batch when the peer offers batches (Fabric 2.5 does not: the write goes alone).</summary>
    [Transaction]
    public async Task<ChaincodeResponse> BatchedPut(Context context, string key, string value)
    {
        var batched = context.Stub.StartWriteBatch();
        await context.Stub.PutStateAsync(key, Encoding.UTF8.GetBytes(value), context.CancellationToken);
        await context.Stub.FinishWriteBatchAsync(context.CancellationToken);
        return ProbeJson.Answer(w => w.WriteBoolean("batched", batched));
    }

    /// <summary>Calls another chaincode with byte arguments (the overload the text one builds on).</summary>
    [Transaction(Evaluate = true)]
    public async Task<ChaincodeResponse> CallBytes(Context context, string chaincode, string argsJson)
    {
        var arguments = ProbeJson.ReadArray(argsJson).Select(a => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(a)).ToList();
        var response = await context.Stub.InvokeChaincodeAsync(chaincode, arguments, string.Empty, context.CancellationToken);
        return ProbeJson.Answer(w =>
        {
            w.WriteNumber("status", response.Status);
            w.WriteString("payload", Encoding.UTF8.GetString(response.Payload.Span));
        });
    }
}
