using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FabricFinance.Chaincode;
using FabricFinance.Chaincode.Contracts;

namespace FabricFinance.Samples.Assets;

/// <summary>
/// Create, read, transfer, delete and list assets. Every refusal is a status 500 response whose
/// message starts with a code (<c>INVALID_ARGUMENT</c>, <c>NOT_FOUND</c>, <c>ALREADY_EXISTS</c>).
/// </summary>
/// <remarks>
/// The only contract, so clients call its transactions by bare name (<c>CreateAsset</c>) or as
/// <c>assets:CreateAsset</c>. Arguments are taken as strings and checked here, in the order the
/// messages promise (the value last), rather than bound to typed parameters. Ledger state, event
/// payloads and results are written with the router's own JSON options, so the three are the same
/// bytes. The contract comes from dependency injection, which gives it its logger.
/// </remarks>
/// <param name="logger">Where changes are logged (logging does not affect the transaction's result).</param>
[Contract(Name = "assets", Title = "Asset transfer", Description = "A small asset-transfer sample.")]
internal sealed partial class AssetContract(ILogger<AssetContract> logger) : ContractBase
{
    private const string KeyPrefix = "asset~";

    private readonly JsonSerializerOptions _json = JsonTransactionSerializer.Default.Options;

    [Transaction]
    public async Task<Asset> CreateAsset(Context context, string id, string owner, string value)
    {
        ValidateId(id);
        ValidateOwner(owner);
        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            throw new ContractException($"INVALID_ARGUMENT: value '{value}' is not a non-negative decimal integer.");
        }

        if (await context.Stub.GetStateAsync(KeyPrefix + id, context.CancellationToken).ConfigureAwait(false) is not null)
        {
            throw new ContractException($"ALREADY_EXISTS: asset {id} already exists.");
        }

        return await SaveAsync(context, new Asset(id, owner, amount), "AssetCreated").ConfigureAwait(false);
    }

    [Transaction(Evaluate = true)]
    public Task<Asset> ReadAsset(Context context, string id)
    {
        ValidateId(id);
        return ReadAsync(context, id);
    }

    [Transaction]
    public async Task<Asset> TransferAsset(Context context, string id, string newOwner)
    {
        ValidateId(id);
        var asset = await ReadAsync(context, id).ConfigureAwait(false);
        ValidateOwner(newOwner);
        return await SaveAsync(context, asset with { Owner = newOwner }, "AssetTransferred").ConfigureAwait(false);
    }

    [Transaction]
    public async Task<Asset> DeleteAsset(Context context, string id)
    {
        ValidateId(id);
        var asset = await ReadAsync(context, id).ConfigureAwait(false);
        await context.Stub.DeleteStateAsync(KeyPrefix + id, context.CancellationToken).ConfigureAwait(false);
        context.Stub.SetEvent("AssetDeleted", JsonSerializer.SerializeToUtf8Bytes(asset, _json));
        LogSaved("AssetDeleted", id, context.Stub.TransactionId);
        return asset;
    }

    [Transaction(Evaluate = true)]
    public async Task<List<Asset>> GetAllAssets(Context context)
    {
        var assets = new List<Asset>();
        await foreach (var kv in context.Stub.GetStateByRangeAsync(KeyPrefix, KeyPrefix + "\uffff", context.CancellationToken).ConfigureAwait(false))
        {
            assets.Add(Parse(kv.Value.Span));
        }

        return assets;
    }

    /// <summary>Keeps the messages of the hand-written dispatcher this contract replaced.</summary>
    public override string FormatArgumentError(TransactionArgumentError argumentError)
    {
        ArgumentNullException.ThrowIfNull(argumentError);
        return argumentError.Kind == TransactionArgumentErrorKind.Count
            ? string.Create(CultureInfo.InvariantCulture, $"INVALID_ARGUMENT: expected {argumentError.MinimumCount} argument(s), got {argumentError.ActualCount}.")
            : $"INVALID_ARGUMENT: {argumentError.Message}.";
    }

    public override Task<ChaincodeResponse> UnknownTransactionAsync(Context context)
    {
        ArgumentNullException.ThrowIfNull(context);
        throw new ContractException($"INVALID_ARGUMENT: unknown function '{context.Stub.FunctionName}'.");
    }

    private async Task<Asset> ReadAsync(Context context, string id)
    {
        var bytes = await context.Stub.GetStateAsync(KeyPrefix + id, context.CancellationToken).ConfigureAwait(false)
            ?? throw new ContractException($"NOT_FOUND: asset {id} does not exist.");
        return Parse(bytes);
    }

    private async Task<Asset> SaveAsync(Context context, Asset asset, string eventName)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(asset, _json);
        await context.Stub.PutStateAsync(KeyPrefix + asset.Id, json, context.CancellationToken).ConfigureAwait(false);
        context.Stub.SetEvent(eventName, json);
        LogSaved(eventName, asset.Id, context.Stub.TransactionId);
        return asset;
    }

    private Asset Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            return JsonSerializer.Deserialize<Asset>(json, _json) ?? throw new ContractException("INVALID_STATE: a stored asset is null.");
        }
        catch (JsonException ex)
        {
            throw new ContractException($"INVALID_STATE: a stored asset is not valid JSON: {ex.Message}", ex);
        }
    }

    private static void ValidateId(string id)
    {
        if (!IdPattern().IsMatch(id))
        {
            throw new ContractException($"INVALID_ARGUMENT: asset id '{id}' must match [A-Za-z0-9_-]{{1,64}}.");
        }
    }

    private static void ValidateOwner(string owner)
    {
        if (owner.Length is 0 or > 200)
        {
            throw new ContractException("INVALID_ARGUMENT: owner must be 1 to 200 characters.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Change} {AssetId} in transaction {TransactionId}")]
    private partial void LogSaved(string change, string assetId, string transactionId);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
