using System.Diagnostics;
using System.Formats.Asn1;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using FabricFinance.Client.Internal;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace FabricFinance.Client.Tests.Infrastructure;

/// <summary>
/// A SoftHSM2 PKCS#11 token in a temporary directory, with EC P-256 and P-384 key pairs generated in it. SoftHSM2 is
/// installed from Debian's <c>softhsm2</c> package when it is missing and the tests run as root.
/// </summary>
/// <remarks>
/// SoftHSM reads <c>SOFTHSM2_CONF</c> from the native environment when the library initializes, so it is set with
/// libc's <c>setenv</c>: .NET's <see cref="Environment.SetEnvironmentVariable(string, string)"/> does not reach native code
/// on Linux. One token per process: the library is initialized once and shared with the signers under test.
/// </remarks>
internal sealed partial class SoftHsm : IDisposable
{
    public const string TokenLabel = "fabfin-test";
    public const string LockedTokenLabel = "fabfin-locked";
    public const string UserPin = "98765432";
    public const string P256Label = "p256-key";
    public const string P384Label = "p384-key";

    private static readonly string[] LibraryCandidates =
    [
        "/usr/lib/softhsm/libsofthsm2.so",
        "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
        "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
        "/usr/local/lib/softhsm/libsofthsm2.so",
    ];

    private readonly string _directory;
    private readonly Pkcs11Libraries.Lease _library;

    private SoftHsm(string libraryPath, string directory, Pkcs11Libraries.Lease library, ECDsa p256, ECDsa p384)
    {
        LibraryPath = libraryPath;
        _directory = directory;
        _library = library;
        P256PublicKey = p256;
        P384PublicKey = p384;
    }

    public string LibraryPath { get; }

    /// <summary>Gets the public half of the token's P-256 key (label <see cref="P256Label"/>, id 0x01).</summary>
    public ECDsa P256PublicKey { get; }

    /// <summary>Gets the public half of the token's P-384 key (label <see cref="P384Label"/>, id 0x02).</summary>
    public ECDsa P384PublicKey { get; }

    /// <summary>Starts a token, or explains why it cannot and how to fix that.</summary>
    public static SoftHsm? TryStart(out string whyNot)
    {
        var installProblem = string.Empty;
        var library = FindLibrary() ?? (TryInstall(out installProblem) ? FindLibrary() : null);
        if (library is null)
        {
            whyNot = $"SoftHSM2 is not installed and could not be installed ({(installProblem.Length == 0 ? "libsofthsm2.so not found after install" : installProblem)}). "
                + "Fix: install Debian's softhsm2 package (apt-get install softhsm2), or run the tests as root so they install it.";
            return null;
        }

        var directory = Directory.CreateTempSubdirectory("fabfin-softhsm-").FullName;
        var tokens = Directory.CreateDirectory(Path.Combine(directory, "tokens")).FullName;
        var config = Path.Combine(directory, "softhsm2.conf");
        File.WriteAllText(config, $"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n");
        if (SetEnvironment("SOFTHSM2_CONF", config, 1) != 0)
        {
            whyNot = "setenv(SOFTHSM2_CONF) failed.";
            return null;
        }

        foreach (var label in (string[])[TokenLabel, LockedTokenLabel])
        {
            if (!Run("softhsm2-util", ["--init-token", "--free", "--label", label, "--pin", UserPin, "--so-pin", "12345678"], config, out var output))
            {
                whyNot = $"softhsm2-util --init-token failed: {output}";
                return null;
            }
        }

        var lease = Pkcs11Libraries.Acquire(library);
        try
        {
            var slot = lease.Library.GetSlotList(SlotsType.WithTokenPresent).First(s => s.GetTokenInfo().Label.Trim() == TokenLabel);
            using var session = slot.OpenSession(SessionType.ReadWrite);
            session.Login(CKU.CKU_USER, UserPin);
            var p256 = GenerateKeyPair(session, ECCurve.NamedCurves.nistP256, "1.2.840.10045.3.1.7", P256Label, [0x01]);
            var p384 = GenerateKeyPair(session, ECCurve.NamedCurves.nistP384, "1.3.132.0.34", P384Label, [0x02]);
            session.Logout();
            whyNot = string.Empty;
            return new SoftHsm(library, directory, lease, p256, p384);
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        P256PublicKey.Dispose();
        P384PublicKey.Dispose();
        _library.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static string? FindLibrary() => Array.Find(LibraryCandidates, File.Exists);

    private static bool TryInstall(out string whyNot)
    {
        if (Environment.UserName != "root" || !File.Exists("/usr/bin/apt-get"))
        {
            whyNot = "not running as root with apt-get";
            return false;
        }

        if (Run("apt-get", ["install", "-y", "-qq", "softhsm2"], null, out _))
        {
            whyNot = string.Empty;
            return true;
        }

        _ = Run("apt-get", ["update", "-qq"], null, out _);
        var installed = Run("apt-get", ["install", "-y", "-qq", "softhsm2"], null, out var output);
        whyNot = installed ? string.Empty : $"apt-get install softhsm2 failed: {output.Trim()}";
        return installed;
    }

    private static bool Run(string fileName, string[] arguments, string? softHsmConfig, out string output)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        if (softHsmConfig is not null)
        {
            start.Environment["SOFTHSM2_CONF"] = softHsmConfig;
        }

        try
        {
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            output += stderr.Result;
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            output = ex.Message;
            return false;
        }
    }

    private static ECDsa GenerateKeyPair(ISession session, ECCurve curve, string oid, string label, byte[] id)
    {
        var attributes = Pkcs11Libraries.Factory.ObjectAttributeFactory;
        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.WriteObjectIdentifier(oid);
        var publicTemplate = new List<IObjectAttribute>
        {
            attributes.Create(CKA.CKA_TOKEN, true),
            attributes.Create(CKA.CKA_VERIFY, true),
            attributes.Create(CKA.CKA_EC_PARAMS, writer.Encode()),
            attributes.Create(CKA.CKA_LABEL, label),
            attributes.Create(CKA.CKA_ID, id),
        };
        var privateTemplate = new List<IObjectAttribute>
        {
            attributes.Create(CKA.CKA_TOKEN, true),
            attributes.Create(CKA.CKA_PRIVATE, true),
            attributes.Create(CKA.CKA_SENSITIVE, true),
            attributes.Create(CKA.CKA_SIGN, true),
            attributes.Create(CKA.CKA_LABEL, label),
            attributes.Create(CKA.CKA_ID, id),
        };
        using var mechanism = Pkcs11Libraries.Factory.MechanismFactory.Create(CKM.CKM_EC_KEY_PAIR_GEN);
        session.GenerateKeyPair(mechanism, publicTemplate, privateTemplate, out var publicKey, out _);

        // CKA_EC_POINT is a DER OCTET STRING around the uncompressed point 04 ‖ X ‖ Y.
        var encoded = session.GetAttributeValue(publicKey, [CKA.CKA_EC_POINT])[0].GetValueAsByteArray();
        var point = new AsnReader(encoded, AsnEncodingRules.DER).ReadOctetString();
        var size = (point.Length - 1) / 2;
        return ECDsa.Create(new ECParameters
        {
            Curve = curve,
            Q = new ECPoint { X = point[1..(1 + size)], Y = point[(1 + size)..] },
        });
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int SetEnvironment(string name, string value, int overwrite);
}
