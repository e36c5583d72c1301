using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FabricFinance.Chaincode;

namespace FabricFinance.Samples.Assets;

/// <summary>
/// Create, read, transfer, delete and list assets. Every refusal is a 500 response whose message
/// starts with a code (<c>INVALID_ARGUMENT</c>, <c>NOT_FOUND</c>, <c>ALREADY_EXISTS</c>).
/// </summary>
internal sealed partial class AssetChaincode : IChaincode
{
    private const string KeyPrefix = "asset~";

    public Task<ChaincodeResponse> InitAsync(IChaincodeStub stub, CancellationToken cancellationToken) =>
        Task.FromResult(ChaincodeResponse.Success());

    public async Task<ChaincodeResponse> InvokeAsync(IChaincodeStub stub, CancellationToken cancellationToken)
    {
        try
        {
            var p = stub.Parameters;
            return stub.FunctionName switch
            {
                "CreateAsset" => await CreateAsync(stub, Arity(p, 3), cancellationToken).ConfigureAwait(false),
                "ReadAsset" => Json(await ReadAsync(stub, ValidId(Arity(p, 1)[0]), cancellationToken).ConfigureAwait(false)),
                "TransferAsset" => await TransferAsync(stub, Arity(p, 2), cancellationToken).ConfigureAwait(false),
                "DeleteAsset" => await DeleteAsync(stub, ValidId(Arity(p, 1)[0]), cancellationToken).ConfigureAwait(false),
                "GetAllAssets" => await ListAsync(stub, Arity(p, 0), cancellationToken).ConfigureAwait(false),
                _ => ChaincodeResponse.Failure($"INVALID_ARGUMENT: unknown function '{stub.FunctionName}'."),
            };
        }
        catch (AssetException ex)
        {
            return ChaincodeResponse.Failure(ex.Message);
        }
    }

    private static async Task<ChaincodeResponse> CreateAsync(IChaincodeStub stub, IReadOnlyList<string> args, CancellationToken ct)
    {
        var id = ValidId(args[0]);
        var owner = ValidOwner(args[1]);
        if (!long.TryParse(args[2], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw new AssetException($"INVALID_ARGUMENT: value '{args[2]}' is not a non-negative decimal integer.");
        }

        if (await stub.GetStateAsync(KeyPrefix + id, ct).ConfigureAwait(false) is not null)
        {
            throw new AssetException($"ALREADY_EXISTS: asset {id} already exists.");
        }

        var asset = new Asset(id, owner, value);
        return await SaveAsync(stub, asset, "AssetCreated", ct).ConfigureAwait(false);
    }

    private static async Task<ChaincodeResponse> TransferAsync(IChaincodeStub stub, IReadOnlyList<string> args, CancellationToken ct)
    {
        var asset = await ReadAsync(stub, ValidId(args[0]), ct).ConfigureAwait(false);
        var moved = asset with { Owner = ValidOwner(args[1]) };
        return await SaveAsync(stub, moved, "AssetTransferred", ct).ConfigureAwait(false);
    }

    private static async Task<ChaincodeResponse> DeleteAsync(IChaincodeStub stub, string id, CancellationToken ct)
    {
        var asset = await ReadAsync(stub, id, ct).ConfigureAwait(false);
        await stub.DeleteStateAsync(KeyPrefix + id, ct).ConfigureAwait(false);
        var json = JsonSerializer.SerializeToUtf8Bytes(asset, AssetJsonContext.Default.Asset);
        stub.SetEvent("AssetDeleted", json);
        return ChaincodeResponse.Success(json);
    }

    private static async Task<ChaincodeResponse> ListAsync(IChaincodeStub stub, IReadOnlyList<string> args, CancellationToken ct)
    {
        _ = args;
        var assets = new List<Asset>();
        await foreach (var kv in stub.GetStateByRangeAsync(KeyPrefix, KeyPrefix + "\uffff", ct).ConfigureAwait(false))
        {
            assets.Add(Parse(kv.Value.Span));
        }

        return ChaincodeResponse.Success(JsonSerializer.SerializeToUtf8Bytes(assets, AssetJsonContext.Default.ListAsset));
    }

    private static async Task<Asset> ReadAsync(IChaincodeStub stub, string id, CancellationToken ct)
    {
        var bytes = await stub.GetStateAsync(KeyPrefix + id, ct).ConfigureAwait(false)
            ?? throw new AssetException($"NOT_FOUND: asset {id} does not exist.");
        return Parse(bytes);
    }

    private static async Task<ChaincodeResponse> SaveAsync(IChaincodeStub stub, Asset asset, string eventName, CancellationToken ct)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(asset, AssetJsonContext.Default.Asset);
        await stub.PutStateAsync(KeyPrefix + asset.Id, json, ct).ConfigureAwait(false);
        stub.SetEvent(eventName, json);
        return ChaincodeResponse.Success(json);
    }

    private static Asset Parse(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, AssetJsonContext.Default.Asset)
        ?? throw new AssetException("INVALID_STATE: a stored asset is not valid JSON.");

    private static ChaincodeResponse Json(Asset asset) =>
        ChaincodeResponse.Success(JsonSerializer.SerializeToUtf8Bytes(asset, AssetJsonContext.Default.Asset));

    private static IReadOnlyList<string> Arity(IReadOnlyList<string> args, int expected) =>
        args.Count == expected
            ? args
            : throw new AssetException($"INVALID_ARGUMENT: expected {expected} argument(s), got {args.Count}.");

    private static string ValidId(string id) =>
        IdPattern().IsMatch(id) ? id : throw new AssetException($"INVALID_ARGUMENT: asset id '{id}' must match [A-Za-z0-9_-]{{1,64}}.");

    private static string ValidOwner(string owner) =>
        owner.Length is > 0 and <= 200 ? owner : throw new AssetException("INVALID_ARGUMENT: owner must be 1 to 200 characters.");

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    private sealed class AssetException(string message) : Exception(message);
}
