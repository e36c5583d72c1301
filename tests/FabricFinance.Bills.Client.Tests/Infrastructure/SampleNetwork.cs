using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FabricFinance.Bills.Client.Tests.Infrastructure;

/// <summary>
/// A network.json in the shape scripts/lib/profile.sh writes, in <c>{Root}/network/.run/network.json</c>, with a
/// throw-away certificate and key per user: four peer orgs, the orderer org, and the demo parties.
/// </summary>
internal sealed class SampleNetwork : IDisposable
{
    private static readonly (string Key, string MspId, string Domain, string Kind, int Port, string[] Users)[] Orgs =
    [
        ("orderer", "OrdererMSP", "example.com", "orderer", 7050, ["Admin"]),
        ("exchange", "ExchangeMSP", "exchange.example.com", "peer", 7051, ["Admin", "User1", "User2"]),
        ("banka", "BankAMSP", "banka.example.com", "peer", 9051, ["Admin", "User1", "User2", "User3", "User4"]),
        ("bankb", "BankBMSP", "bankb.example.com", "peer", 10051, ["Admin", "User1", "User3"]),
        ("regulator", "RegulatorMSP", "regulator.example.com", "peer", 11051, ["Admin", "User1"]),
    ];

    public SampleNetwork()
    {
        Root = Directory.CreateTempSubdirectory("fabfin-tests-").FullName;
        RunDirectory = Path.Combine(Root, "network", ".run");
        Directory.CreateDirectory(RunDirectory);
        var peers = new JsonArray();
        var orgs = new JsonArray();
        foreach (var (key, mspId, domain, kind, port, users) in Orgs)
        {
            var orgDir = Path.Combine(RunDirectory, "crypto", domain);
            Directory.CreateDirectory(orgDir);
            var tlsCa = Path.Combine(orgDir, "tlsca.pem");
            File.WriteAllText(tlsCa, NewCertificate($"CN=tlsca.{domain}, O={domain}, C=US").CertificatePem);
            var userEntries = new JsonObject();
            foreach (var user in users)
            {
                var role = user == "Admin" ? "admin" : "client";
                var (certificatePem, keyPem) = NewCertificate($"C=US, ST=California, L=San Francisco, OU={role}, CN={user}@{domain}");
                var userDir = Path.Combine(orgDir, user);
                Directory.CreateDirectory(userDir);
                File.WriteAllText(Path.Combine(userDir, "cert.pem"), certificatePem);
                File.WriteAllText(Path.Combine(userDir, "priv_sk"), keyPem);

                // The regulator's paths are relative to network.json's folder; fabfin resolves them from there.
                var prefix = key == "regulator" ? Path.Combine("crypto", domain, user) : userDir;
                userEntries[user] = new JsonObject
                {
                    ["cert"] = Path.Combine(prefix, "cert.pem"),
                    ["key"] = Path.Combine(prefix, "priv_sk"),
                    ["mspDir"] = userDir,
                };
            }

            orgs.Add(new JsonObject { ["key"] = key, ["mspId"] = mspId, ["domain"] = domain, ["kind"] = kind, ["tlsCaCert"] = tlsCa, ["users"] = userEntries });
            if (kind == "peer")
            {
                peers.Add(new JsonObject
                {
                    ["name"] = $"peer0.{domain}",
                    ["mspId"] = mspId,
                    ["address"] = $"127.0.0.1:{port}",
                    ["tlsCaCert"] = tlsCa,
                    ["operations"] = "http://127.0.0.1:9444",
                });
            }
        }

        var network = new JsonObject
        {
            ["channel"] = "fabfin",
            ["backend"] = "native",
            ["orderer"] = new JsonObject { ["address"] = "127.0.0.1:7050", ["tlsCaCert"] = Path.Combine(RunDirectory, "crypto", "example.com", "tlsca.pem") },
            ["peers"] = peers,
            ["orgs"] = orgs,
            ["parties"] = new JsonObject
            {
                ["CoreCorp"] = new JsonObject { ["mspId"] = "BankAMSP", ["user"] = "User3" },
                ["SupplierA"] = new JsonObject { ["mspId"] = "BankAMSP", ["user"] = "User4" },
                ["SupplierB"] = new JsonObject { ["mspId"] = "BankBMSP", ["user"] = "User3" },
            },
            ["termsCollections"] = Path.Combine(RunDirectory, "terms-collections.json"),
        };
        NetworkFile = Path.Combine(RunDirectory, "network.json");
        File.WriteAllText(NetworkFile, network.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>Gets the folder that holds <c>network/.run/network.json</c>, standing in for the repository root.</summary>
    public string Root { get; }

    public string RunDirectory { get; }

    public string NetworkFile { get; }

    /// <summary>The certificate file of an org's user.</summary>
    public string CertificateOf(string domain, string user) => Path.Combine(RunDirectory, "crypto", domain, user, "cert.pem");

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static (string CertificatePem, string KeyPem) NewCertificate(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = new CertificateRequest(subject, key, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }
}
