using System.Text;
using FabricFinance.Client;
using FabricFinance.Client.Errors;
using FabricFinance.Client.Identity;
using FabricFinance.Samples.AssetClient;

// Usage: AssetClient <network.json> [chaincode-name]
if (args.Length is < 1 or > 2)
{
    await Console.Error.WriteLineAsync("usage: FabricFinance.Samples.AssetClient <path to network/.run/network.json> [chaincode name]");
    return 2;
}

var profile = NetworkProfile.Load(args[0]);
var chaincode = args.Length == 2 ? args[1] : "assets";
using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
var ct = cancel.Token;

// Connect as User1 of the first peer org, through that org's peer.
var peer = profile.Peers[0];
var user = profile.Orgs.First(o => o.MspId == peer.MspId).Users["User1"];
using var channel = GatewayChannel.ForAddress("https://" + peer.Address, new GatewayChannelOptions
{
    TlsRootCertificatesPem = await File.ReadAllTextAsync(peer.TlsCaCert, ct),
});
using var gateway = Gateway.Connect(
    channel,
    X509Identity.FromPem(peer.MspId, await File.ReadAllTextAsync(user.Cert, ct)),
    new GatewayOptions { Signer = Signers.NewPrivateKeySigner(await File.ReadAllTextAsync(user.Key, ct)) });
var network = gateway.GetNetwork(profile.Channel);
var contract = network.GetContract(chaincode);
Console.WriteLine($"Connected to {peer.Address} as User1 of {peer.MspId}, channel {profile.Channel}, chaincode {chaincode}");

var id = $"demo-{DateTimeOffset.UtcNow:yyyyMMddHHmmss}";
var created = await contract.StartSubmitAsync("CreateAsset", new ProposalOptions().AddArguments(id, "Alice", "1000"), ct);
var status = await created.GetStatusAsync(ct);
Console.WriteLine($"CreateAsset   -> {Text(created.Result)} (tx {created.TransactionId[..12]}…, block {status.BlockNumber}, {status.Code})");

Console.WriteLine($"TransferAsset -> {Text(await SubmitDependentAsync(contract, "TransferAsset", [id, "Bob"], ct))}");
Console.WriteLine($"ReadAsset     -> {Text(await contract.EvaluateTransactionAsync("ReadAsset", [id], ct))}");

try
{
    await contract.SubmitTransactionAsync("CreateAsset", [id, "Mallory", "1"], ct);
}
catch (EndorseException ex)
{
    Console.WriteLine($"CreateAsset again is refused: {(ex.Details.Count > 0 ? ex.Details[0].Message : ex.Message)}");
}

Console.WriteLine("Chaincode events of this asset, replayed from its first block:");
var seen = 0;
await foreach (var evt in network.GetChaincodeEventsAsync(chaincode, new ChaincodeEventsOptions { StartBlock = status.BlockNumber }, ct))
{
    if (Text(evt.Payload).Contains(id, StringComparison.Ordinal))
    {
        Console.WriteLine($"  block {evt.BlockNumber}: {evt.EventName} {Text(evt.Payload)}");
        if (++seen == 2)
        {
            break;
        }
    }
}

return 0;

static string Text(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);

// A submit reports the commit at our gateway's peer; the other org's endorsing peer may still be a
// block behind and not yet see the asset. A transaction that depends on the previous one retries
// that case briefly instead of failing.
static async Task<byte[]> SubmitDependentAsync(Contract contract, string name, string[] args, CancellationToken ct)
{
    for (var attempt = 1; ; attempt++)
    {
        try
        {
            return await contract.SubmitTransactionAsync(name, args, ct);
        }
        catch (EndorseException ex) when (attempt < 10 && ex.Message.Contains("NOT_FOUND", StringComparison.Ordinal))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
        }
    }
}
