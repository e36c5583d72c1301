using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BenchmarkDotNet.Attributes;
using FabricFinance.Client;
using FabricFinance.Client.Identity;

namespace FabricFinance.Benchmarks.Client;

/// <summary>
/// The Gateway client's own cost per transaction, through its public API with an ECDSA P-256 key as the peers'
/// users have: building a proposal (<c>GetBill</c>-sized: one argument), building and signing it (SHA-256 digest,
/// low-S DER signature), and a whole evaluate against an in-process gateway that answers at once.
/// </summary>
[MemoryDiagnoser]
public class ProposalBenchmarks
{
    private static readonly byte[] BillJson = System.Text.Encoding.UTF8.GetBytes(
        "{\"acceptor\":\"BankA\",\"amount\":10000000,\"currency\":\"CNY\",\"dealId\":null,\"drawer\":\"CoreCorp\",\"dueDate\":\"2026-04-05\",\"frozenFrom\":null,"
        + "\"holder\":\"SupplierA\",\"id\":\"rtp5eswE\",\"issueDate\":\"2026-01-05\",\"kind\":\"Bank\",\"parent\":null,\"payee\":\"SupplierA\",\"paymentRef\":null,"
        + "\"range\":[1,10000000],\"reason\":null,\"status\":\"Active\",\"trail\":[],\"transferable\":true,\"updateDate\":\"2026-01-05\",\"version\":1}");

    private Gateway _gateway = null!;
    private Contract _contract = null!;
    private ISigner _signer = null!;

    [GlobalSetup]
    public void Setup()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = new CertificateRequest("CN=User1@banka.example.com, OU=client, O=banka.example.com, C=US", key, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        _signer = Signers.NewPrivateKeySigner(key.ExportPkcs8PrivateKeyPem());
        _gateway = Gateway.Connect(new CannedGateway(BillJson), X509Identity.FromPem("BankAMSP", certificate.ExportCertificatePem()), new GatewayOptions { Signer = _signer });
        _contract = _gateway.GetNetwork("fabfin").GetContract("bills");
    }

    [GlobalCleanup]
    public void Cleanup() => _gateway.Dispose();

    /// <summary>A proposal built: header, nonce, transaction id, serialized.</summary>
    [Benchmark(Baseline = true)]
    public Proposal NewProposal() => _contract.NewProposal("GetBill", new ProposalOptions().AddArguments("rtp5eswE"));

    /// <summary>A proposal built and signed, as an offline signer would: digest, then sign.</summary>
    [Benchmark]
    public async Task<byte[]> NewProposalAndSign()
    {
        var proposal = _contract.NewProposal("GetBill", new ProposalOptions().AddArguments("rtp5eswE"));
        return await _signer.SignAsync(proposal.GetDigest());
    }

    /// <summary>A whole evaluate: build, sign, serialize the request, read the answer.</summary>
    [Benchmark]
    public Task<byte[]> Evaluate() => _contract.EvaluateAsync("GetBill", new ProposalOptions().AddArguments("rtp5eswE"));
}
