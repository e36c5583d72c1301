using System.Globalization;
using System.Text;
using FabricFinance.Chaincode;
using FabricFinance.Chaincode.Contracts;

namespace FabricFinance.IntegrationTests.Chaincode;

/// <summary>
/// Transactions that each exercise one stub feature and answer JSON describing what they saw. Refusals
/// from the ledger are answered as <c>{"error": "..."}</c> (with the transaction id replaced by
/// <c>&lt;txid&gt;</c>) rather than failing, so tests can compare the peer's wording. This file holds public
/// state; the other parts hold queries, private data and the proposal.
/// </summary>
[Contract(Name = "probe", IsDefault = true)]
public sealed partial class ProbeContract : ContractBase
{
    /// <summary>Puts a key, reading it before and after the write: a transaction never sees its own writes.</summary>
    [Transaction]
    public async Task<ChaincodeResponse> Put(Context context, string key, string value)
    {
        var stub = context.Stub;
        var before = await stub.GetStateAsync(key, context.CancellationToken);
        await stub.PutStateAsync(key, Encoding.UTF8.GetBytes(value), context.CancellationToken);
        var after = await stub.GetStateAsync(key, context.CancellationToken);
        return ProbeJson.Answer(w =>
        {
            w.WriteString("txId", stub.TransactionId);
            w.WriteString("timestamp", ProbeJson.Timestamp(stub.TransactionTimestamp));
            w.WriteText("before", before);
            w.WriteText("afterWrite", after);
        });
    }

    /// <summary>Reads a key's committed value.</summary>
    [Transaction(Evaluate = true)]
    public async Task<ChaincodeResponse> Get(Context context, string key)
    {
        var value = await context.Stub.GetStateAsync(key, context.CancellationToken);
        return ProbeJson.Answer(w => w.WriteText("value", value));
    }

    /// <summary>Reads several keys at once (a JSON array of keys).</summary>
    [Transaction(Evaluate = true)]
    public async Task<ChaincodeResponse> GetMultiple(Context context, string keysJson)
    {
        var values = await context.Stub.GetMultipleStatesAsync(ProbeJson.ReadArray(keysJson), context.CancellationToken);
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

    /// <summary>Deletes a key, reading it before and after the delete.</summary>
    [Transaction]
    public async Task<ChaincodeResponse> Delete(Context context, string key)
    {
        var stub = context.Stub;
        var before = await stub.GetStateAsync(key, context.CancellationToken);
        await stub.DeleteStateAsync(key, context.CancellationToken);
        var after = await stub.GetStateAsync(key, context.CancellationToken);
        return ProbeJson.Answer(w =>
        {
            w.WriteString("txId", stub.TransactionId);
            w.WriteString("timestamp", ProbeJson.Timestamp(stub.TransactionTimestamp));
            w.WriteText("before", before);
            w.WriteText("afterWrite", after);
        });
    }

    /// <summary>Reads a counter (missing = 0) and writes it plus one: the read is what MVCC validation checks.</summary>
    [Transaction]
    public async Task<ChaincodeResponse> Increment(Context context, string key)
    {
        var stub = context.Stub;
        var current = await stub.GetStateAsync(key, context.CancellationToken) is { } bytes
            ? long.Parse(Encoding.UTF8.GetString(bytes), CultureInfo.InvariantCulture)
            : 0;
        await stub.PutStateAsync(key, Encoding.UTF8.GetBytes((current + 1).ToString(CultureInfo.InvariantCulture)), context.CancellationToken);
        return ProbeJson.Answer(w =>
        {
            w.WriteString("txId", stub.TransactionId);
            w.WriteNumber("read", current);
            w.WriteNumber("wrote", current + 1);
        });
    }

    /// <summary>Writes <c>prefix0000</c> … with values <c>v0</c> …: <paramref name="count"/> keys.</summary>
    [Transaction]
    public async Task<ChaincodeResponse> Seed(Context context, string prefix, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await context.Stub.PutStateAsync(prefix + i.ToString("D4", CultureInfo.InvariantCulture), Encoding.UTF8.GetBytes("v" + i.ToString(CultureInfo.InvariantCulture)), context.CancellationToken);
        }

        return ProbeJson.Answer(w => w.WriteNumber("written", count));
    }

    /// <summary>Writes each key of a JSON array with the key itself as value.</summary>
    [Transaction]
    public async Task<ChaincodeResponse> PutMany(Context context, string keysJson)
    {
        var keys = ProbeJson.ReadArray(keysJson);
        foreach (var key in keys)
        {
            await context.Stub.PutStateAsync(key, Encoding.UTF8.GetBytes(key), context.CancellationToken);
        }

        return ProbeJson.Answer(w => w.WriteNumber("written", keys.Length));
    }

    /// <summary>Sets a key's endorsement policy: every organization of a JSON array must endorse changes to it.</summary>
    [Transaction]
    public async Task<ChaincodeResponse> SetKeyPolicy(Context context, string key, string orgsJson)
    {
        var policy = new KeyEndorsementPolicy();
        policy.AddOrgs(EndorsementRole.Member, ProbeJson.ReadArray(orgsJson));
        await context.Stub.SetStateValidationParameterAsync(key, policy.GetPolicy(), context.CancellationToken);
        return ProbeJson.Answer(w => w.WriteString("txId", context.Stub.TransactionId));
    }

    /// <summary>Reads a key's endorsement policy as the list of organizations it requires.</summary>
    [Transaction(Evaluate = true)]
    public async Task<ChaincodeResponse> GetKeyPolicy(Context context, string key)
    {
        var bytes = await context.Stub.GetStateValidationParameterAsync(key, context.CancellationToken);
        return ProbeJson.PolicyOrgs(bytes);
    }

    /// <summary>Calls another chaincode (arguments as a JSON array, function first) and reports its response.</summary>
    [Transaction]
    public async Task<ChaincodeResponse> Call(Context context, string chaincode, string argsJson, string channel)
    {
        try
        {
            var response = await context.Stub.InvokeChaincodeAsync(chaincode, ProbeJson.ReadArray(argsJson), channel, context.CancellationToken);
            return ProbeJson.Answer(w =>
            {
                w.WriteNumber("status", response.Status);
                w.WriteString("message", ProbeJson.Normalize(context.Stub, response.Message));
                w.WriteString("payload", Encoding.UTF8.GetString(response.Payload.Span));
            });
        }
        catch (ChaincodeException ex)
        {
            return ProbeJson.Error(context.Stub, ex);
        }
    }

    /// <summary>Sets two events; only the last one reaches the block.</summary>
    [Transaction]
    public Task<ChaincodeResponse> EmitEvents(Context context, string first, string second, string payload)
    {
        context.Stub.SetEvent(first, Encoding.UTF8.GetBytes(payload + "-first"));
        context.Stub.SetEvent(second, Encoding.UTF8.GetBytes(payload));
        return Task.FromResult(ProbeJson.Answer(w => w.WriteString("txId", context.Stub.TransactionId)));
    }

    /// <summary>Fails on purpose, with a message.</summary>
    [Transaction]
    public Task<ChaincodeResponse> Fail(Context context, string message) =>
        Task.FromResult(ChaincodeResponse.Failure(message));
}
