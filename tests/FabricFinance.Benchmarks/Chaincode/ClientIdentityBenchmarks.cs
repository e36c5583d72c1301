using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BenchmarkDotNet.Attributes;
using FabricFinance.Chaincode;
using FabricFinance.Chaincode.Identity;
using Google.Protobuf;
using Hyperledger.Fabric.Protos.Msp;

namespace FabricFinance.Benchmarks.Chaincode;

/// <summary>
/// What a transaction pays to learn who sent it: the creator (MSP id and PEM certificate, as
/// cryptogen issues them to a client) read from scratch, against the same creator served by the
/// shim's cache of creators already read, which the handler gives every stub.
/// </summary>
[MemoryDiagnoser]
public class ClientIdentityBenchmarks
{
    private ByteString _creator = ByteString.Empty;
    private ClientIdentityCache _cache = null!;

    [GlobalSetup]
    public void Setup()
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var issuer = new X500DistinguishedName("CN=ca.banka.example.com, O=banka.example.com, L=San Francisco, S=California, C=US");
        var subject = new X500DistinguishedName("CN=User1@banka.example.com, OU=client, L=San Francisco, S=California, C=US");
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        var notBefore = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var certificate = request.Create(issuer, X509SignatureGenerator.CreateForECDsa(caKey), notBefore, notBefore.AddYears(10), [0x2a]);
        _creator = new SerializedIdentity { Mspid = "BankAMSP", IdBytes = ByteString.CopyFromUtf8(certificate.ExportCertificatePem() + "\n") }.ToByteString();
        _cache = new ClientIdentityCache();
        _ = _cache.Get(_creator);
    }

    /// <summary>Parses the creator and its certificate, as every transaction did before the cache.</summary>
    [Benchmark(Baseline = true)]
    public string Read() => ClientIdentity.FromSerializedIdentity(_creator.Span).Subject;

    /// <summary>The same creator again: a lookup by its bytes and a copy for this transaction.</summary>
    [Benchmark]
    public string Cached() => _cache.Get(_creator).Subject;
}
