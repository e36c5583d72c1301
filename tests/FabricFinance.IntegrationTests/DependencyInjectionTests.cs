using System.Diagnostics;
using System.Text;
using FabricFinance.Client;
using FabricFinance.Client.Diagnostics;
using FabricFinance.Client.Errors;
using FabricFinance.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FabricFinance.IntegrationTests;

/// <summary>
/// The client as a .NET application wires it: bound from configuration by <c>AddFabricGateway</c>,
/// resolved from the container, traced through its ActivitySource, and bounded by per-call timeouts,
/// against the real network.
/// </summary>
[TestFixture]
[Category("Integration")]
[CancelAfter(120_000)]
public sealed class DependencyInjectionTests
{
    [Test]
    public async Task AddFabricGateway_FromConfiguration_SubmitsAndTracesEachGatewayCall(CancellationToken cancellationToken)
    {
        // Arrange
        var peer = FabricNetwork.Profile.PeerOf(FabricNetwork.BankA);
        var user = FabricNetwork.Profile.Org(FabricNetwork.BankA).Users["User2"];
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PeerAddress"] = "https://" + peer.Address,
            ["TlsRootCertificatesFile"] = peer.TlsCaCert,
            ["MspId"] = FabricNetwork.BankA,
            ["CertificateFile"] = user.Certificate,
            ["PrivateKeyFile"] = user.Key,
            ["ChannelName"] = FabricNetwork.Profile.Channel,
        }).Build();
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == GatewayDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (spans) { spans.Add(activity); } },
        };
        ActivitySource.AddActivityListener(listener);
        var id = Ids.New("di");

        // Act
        await using (var services = new ServiceCollection().AddFabricGateway(configuration).BuildServiceProvider())
        {
            var contract = services.GetRequiredService<Network>().GetContract(FabricNetwork.ChaincodeName);
            await contract.SubmitTransactionAsync("CreateAsset", [id, "Injected", "3"], cancellationToken);
            var read = Encoding.UTF8.GetString(await contract.EvaluateTransactionAsync("ReadAsset", [id], cancellationToken));
            Assert.That(read, Does.Contain("\"owner\":\"Injected\""));
        }

        // Assert
        List<Activity> ours;
        lock (spans)
        {
            ours = spans.Where(s => (s.GetTagItem(GatewayDiagnostics.TransactionNameTag) as string) is "CreateAsset" or "ReadAsset").ToList();
        }

        Assert.That(ours.Select(s => s.GetTagItem(GatewayDiagnostics.OperationTag) as string), Is.SupersetOf(new[] { "endorse", "submit", "commit_status", "evaluate" }));
        Assert.That(ours.Select(s => s.GetTagItem(GatewayDiagnostics.ChannelTag)), Is.All.EqualTo(FabricNetwork.Profile.Channel));
        Assert.That(ours.Select(s => s.GetTagItem(GatewayDiagnostics.TransactionIdTag)), Is.All.Not.Null);
        Assert.That(ours.Select(s => s.Status), Is.All.Not.EqualTo(ActivityStatusCode.Error));
    }

    [Test]
    public void PerCallTimeout_TooShortForTheCommit_ThrowsCommitStatusExceptionWithDeadlineExceeded(CancellationToken cancellationToken)
    {
        // Arrange: the orderer cuts a block only after its batch timeout (250 ms), so a 1 ms commit-status deadline expires.
        using var exchange = FabricNetwork.Connect(FabricNetwork.Exchange);
        var options = new ProposalOptions { CommitStatusTimeout = TimeSpan.FromMilliseconds(1) }.AddArguments(Ids.New("deadline"), "Late", "1");

        // Act
        var error = Assert.ThrowsAsync<CommitStatusException>(() => exchange.Assets.SubmitAsync("CreateAsset", options, cancellationToken));

        // Assert
        Assert.That(error!.StatusCode, Is.EqualTo(Grpc.Core.StatusCode.DeadlineExceeded));
        Assert.That(error.TransactionId, Is.Not.Empty);
    }
}
