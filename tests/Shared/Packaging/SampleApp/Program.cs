// A consumer of the FabricFinance.Client NuGet package, built by the packaging tests from the local feed.
//
//   dotnet run                                   offline: create and sign a proposal with a throw-away identity
//   dotnet run -- <network.json> [chaincode] [function] [args...]
//                                                evaluate a transaction on the first peer of a running network
//                                                (network/.run/network.json, written by scripts/network.sh up)
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using FabricFinance.Client;
using FabricFinance.Client.Identity;

if (args.Length == 0)
{
    return Offline();
}

return await EvaluateOnNetworkAsync(args);

static int Offline()
{
    using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    var request = new CertificateRequest("CN=User1@org1.example.com", key, HashAlgorithmName.SHA256);
    using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    var identity = X509Identity.FromPem("Org1MSP", certificate.ExportCertificatePem());
    var signer = Signers.NewPrivateKeySigner(key.ExportPkcs8PrivateKeyPem());

    // No call is made: the channel is only needed to create the gateway.
    using var channel = GatewayChannel.ForAddress("http://127.0.0.1:9");
    using var gateway = Gateway.Connect(channel, identity, new GatewayOptions { Signer = signer });
    var proposal = gateway.GetNetwork("mychannel").GetContract("assets").NewProposal("ReadAsset", new ProposalOptions().AddArguments("asset-1"));

    var digest = proposal.GetDigest();
    var signature = signer.SignAsync(digest).AsTask().GetAwaiter().GetResult();
    var verifies = key.VerifyHash(digest, signature, DSASignatureFormat.Rfc3279DerSequence);
    var signed = gateway.NewSignedProposal(proposal.GetBytes(), signature);

    Console.WriteLine($"client assembly: {typeof(Gateway).Assembly.GetName().Name} {typeof(Gateway).Assembly.GetName().Version}");
    Console.WriteLine($"transaction id: {signed.TransactionId}");
    Console.WriteLine($"proposal digest (SHA-256): {Convert.ToHexStringLower(digest)}");
    Console.WriteLine($"signature verifies: {verifies}");
    return verifies && signed.TransactionId == proposal.TransactionId ? 0 : 1;
}

static async Task<int> EvaluateOnNetworkAsync(string[] args)
{
    using var profile = JsonDocument.Parse(await File.ReadAllTextAsync(args[0]));
    var root = profile.RootElement;
    var chaincode = args.Length > 1 ? args[1] : "assets";
    var function = args.Length > 2 ? args[2] : "GetAllAssets";
    var peer = root.GetProperty("peers")[0];
    var mspId = peer.GetProperty("mspId").GetString()!;
    var user = root.GetProperty("orgs").EnumerateArray()
        .First(org => org.GetProperty("mspId").GetString() == mspId)
        .GetProperty("users").GetProperty("User1");

    using var channel = GatewayChannel.ForAddress("https://" + peer.GetProperty("address").GetString(), new GatewayChannelOptions
    {
        TlsRootCertificatesPem = await File.ReadAllTextAsync(peer.GetProperty("tlsCaCert").GetString()!),
    });
    using var gateway = Gateway.Connect(
        channel,
        X509Identity.FromPem(mspId, await File.ReadAllTextAsync(user.GetProperty("cert").GetString()!)),
        new GatewayOptions { Signer = Signers.NewPrivateKeySigner(await File.ReadAllTextAsync(user.GetProperty("key").GetString()!)) });
    var contract = gateway.GetNetwork(root.GetProperty("channel").GetString()!).GetContract(chaincode);

    using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
    var result = await contract.EvaluateTransactionAsync(function, args.Skip(3).ToArray(), cancel.Token);
    Console.WriteLine($"{function} -> {Encoding.UTF8.GetString(result)}");
    return 0;
}
