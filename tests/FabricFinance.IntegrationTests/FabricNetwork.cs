using FabricFinance.Client.Errors;
using FabricFinance.IntegrationTests.Docker;
using FabricFinance.IntegrationTests.Infrastructure;

namespace FabricFinance.IntegrationTests;

/// <summary>
/// Brings a real Fabric 2.5 network up (or reuses the one running), deploys the C# sample chaincode
/// and the stub API probe (twice, as <c>probe</c> and <c>probe2</c>, on 10001 and 10002 + offset, with
/// its own collections and the network's deal-terms collections) as chaincode-as-a-service, and takes
/// down what it started. Without Fabric binaries every integration test is reported skipped, with the
/// reason and the fix. <c>FABFIN_STATE_DIR</c> and <c>FABFIN_PORT_OFFSET</c> select a second network
/// beside the default one (the chaincode service then listens on 9999 + offset).
/// <c>FABFIN_BACKEND=docker</c> runs the orderer and peers from Fabric's images through Testcontainers
/// (<see cref="FabricContainers"/>, untested on our machines) instead of as local processes.
/// </summary>
[SetUpFixture]
public sealed class FabricNetwork
{
    public const string Exchange = "ExchangeMSP";
    public const string BankA = "BankAMSP";
    public const string BankB = "BankBMSP";
    public const string Regulator = "RegulatorMSP";
    public const string ChaincodeName = "assets";

    /// <summary>The stub API probe (tests/FabricFinance.IntegrationTests.Chaincode), deployed twice for chaincode-to-chaincode calls.</summary>
    public static readonly IReadOnlyList<string> ProbeNames = ["probe", "probe2"];

    private static NetworkProfile? _profile;
    private bool _startedHere;
    private FabricContainers? _containers;

    /// <summary>Gets the running network's profile.</summary>
    internal static NetworkProfile Profile => _profile ?? throw new InvalidOperationException("The network fixture did not run.");

    /// <summary>Gets the package id the chaincode registered with.</summary>
    internal static string PackageId { get; private set; } = string.Empty;

    /// <summary>Connects as <paramref name="user"/> of <paramref name="mspId"/> to that org's peer, or to the peer of <paramref name="peerMspId"/>.</summary>
    internal static GatewayConnection Connect(string mspId, string user = "User1", bool withSigner = true, string? peerMspId = null) =>
        new(Profile, mspId, user, withSigner, peerMspId);

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var backend = NetworkBackend.Choose(out var reason);
        if (backend is null)
        {
            Assert.Ignore(reason);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        _startedHere = !await IsRunningAsync(timeout.Token);
        var offset = Repository.PortOffset.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (backend == NetworkBackend.Docker && _startedHere)
        {
            // The script prepares the material and the containers' environment, Testcontainers starts them, and
            // the second `up` joins them to the channel.
            await Script.RunAsync("scripts/network.sh", ["up", "--backend", backend, "--no-start", "--port-offset", offset], timeout.Token);
            _containers = await FabricContainers.StartAsync(DockerPlan.Load(Path.Combine(Repository.NetworkState, ".run", "docker", "nodes.json")), timeout.Token);
        }

        await Script.RunAsync("scripts/network.sh", ["up", "--port-offset", offset], timeout.Token);
        var chaincodeAddress = $"127.0.0.1:{9999 + Repository.PortOffset}";
        PackageId = (await Script.RunAsync("scripts/network.sh", ["deploy", "--name", ChaincodeName, "--address", chaincodeAddress], timeout.Token)).Trim().Split('\n')[^1];
        for (var i = 0; i < ProbeNames.Count; i++)
        {
            await Script.RunAsync(
                "scripts/network.sh",
                ["deploy", "--name", ProbeNames[i], "--project", "tests/FabricFinance.IntegrationTests.Chaincode",
                 "--collections-config", "tests/FabricFinance.IntegrationTests.Chaincode/collections.json", "--terms-collections",
                 "--address", $"127.0.0.1:{10001 + i + Repository.PortOffset}"],
                timeout.Token);
        }

        _profile = NetworkProfile.Load(Path.Combine(Repository.NetworkState, ".run", "network.json"));
        await WaitForEndorsersAsync(c => c.Assets.SubmitTransactionAsync("CreateAsset", ["warmup-" + Guid.NewGuid().ToString("N"), "fixture", "1"], timeout.Token), timeout.Token);
        foreach (var probe in ProbeNames)
        {
            await WaitForEndorsersAsync(c => c.Network.GetContract(probe).SubmitTransactionAsync("Put", ["warmup", "1"], timeout.Token), timeout.Token);
        }
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_startedHere && Environment.GetEnvironmentVariable("FABFIN_KEEP_NETWORK") != "1")
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            if (_containers is not null)
            {
                await _containers.DisposeAsync();
            }

            await Script.RunAsync("scripts/network.sh", ["down", "--keep-logs"], timeout.Token);
        }
    }

    private static async Task<bool> IsRunningAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Script.RunAsync("scripts/network.sh", ["status"], cancellationToken);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// Right after a deploy, a peer's discovery may not yet know that the other org's peer has the
    /// chaincode; the first multi-org endorsement then fails. Submit until one succeeds.
    /// </summary>
    private static async Task WaitForEndorsersAsync(Func<GatewayConnection, Task> submit, CancellationToken cancellationToken)
    {
        using var connection = Connect(Exchange);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await submit(connection);
                return;
            }
            catch (EndorseException ex) when (attempt < 30)
            {
                await TestContext.Progress.WriteLineAsync($"warm-up submit {attempt} failed, retrying: {ex.Message}");
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }
}
