using FabricFinance.Client.Tests.Infrastructure;

namespace FabricFinance.Client.Tests;

/// <summary>Per-transaction (<see cref="ProposalOptions"/>) and per-call (<see cref="GatewayCallOptions"/>) timeouts.</summary>
public class CallTimeoutTests
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(5);

    [Test]
    [CancelAfter(10_000)]
    public async Task SubmitAsync_ProposalOptionsTimeouts_OverrideGatewayDefaultsForThatTransactionOnly()
    {
        // Arrange
        using var test = new TestGateway();
        var options = new ProposalOptions
        {
            EndorseTimeout = TimeSpan.FromMinutes(3),
            SubmitTimeout = Timeout.InfiniteTimeSpan,
            CommitStatusTimeout = TimeSpan.FromMinutes(10),
        };
        var before = DateTime.UtcNow;

        // Act
        await test.Contract.SubmitAsync("Issue", options).DefaultTimeout();
        var withOptions = (Endorse: test.Invoker.OptionsOf("Endorse"), Submit: test.Invoker.OptionsOf("Submit"), Commit: test.Invoker.OptionsOf("CommitStatus"));
        await test.Contract.SubmitAsync("Issue").DefaultTimeout();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(withOptions.Endorse.Deadline, Is.EqualTo(before + TimeSpan.FromMinutes(3)).Within(Tolerance));
            Assert.That(withOptions.Submit.Deadline, Is.Null);
            Assert.That(withOptions.Commit.Deadline, Is.EqualTo(before + TimeSpan.FromMinutes(10)).Within(Tolerance));
            Assert.That(test.Invoker.OptionsOf("Endorse").Deadline, Is.EqualTo(before + TimeSpan.FromSeconds(15)).Within(Tolerance));
            Assert.That(test.Invoker.OptionsOf("Submit").Deadline, Is.EqualTo(before + TimeSpan.FromSeconds(5)).Within(Tolerance));
            Assert.That(test.Invoker.OptionsOf("CommitStatus").Deadline, Is.EqualTo(before + TimeSpan.FromMinutes(1)).Within(Tolerance));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task EvaluateAsync_ProposalOptionsEvaluateTimeout_UsedAsDeadline()
    {
        // Arrange
        using var test = new TestGateway();
        var before = DateTime.UtcNow;

        // Act
        await test.Contract.EvaluateAsync("ReadBill", new ProposalOptions { EvaluateTimeout = TimeSpan.FromSeconds(42) }).DefaultTimeout();

        // Assert
        Assert.That(test.Invoker.OptionsOf("Evaluate").Deadline, Is.EqualTo(before + TimeSpan.FromSeconds(42)).Within(Tolerance));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task FineGrainedFlow_GatewayCallOptions_OverrideProposalAndGatewayTimeouts()
    {
        // Arrange
        using var test = new TestGateway();
        var proposal = test.Contract.NewProposal("Issue", new ProposalOptions { EndorseTimeout = TimeSpan.FromMinutes(3), CommitStatusTimeout = TimeSpan.FromMinutes(4) });
        var before = DateTime.UtcNow;

        // Act
        var transaction = await proposal.EndorseAsync(new GatewayCallOptions { Timeout = TimeSpan.FromSeconds(20) }).DefaultTimeout();
        var submitted = await transaction.SubmitAsync(new GatewayCallOptions { Timeout = Timeout.InfiniteTimeSpan }).DefaultTimeout();
        var inherited = await submitted.GetStatusAsync().DefaultTimeout();
        var inheritedDeadline = test.Invoker.OptionsOf("CommitStatus").Deadline;
        await submitted.GetStatusAsync(new GatewayCallOptions { Timeout = TimeSpan.FromSeconds(7) }).DefaultTimeout();
        await proposal.EvaluateAsync(new GatewayCallOptions()).DefaultTimeout();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(inherited.Successful, Is.True);
            Assert.That(test.Invoker.OptionsOf("Endorse").Deadline, Is.EqualTo(before + TimeSpan.FromSeconds(20)).Within(Tolerance));
            Assert.That(test.Invoker.OptionsOf("Submit").Deadline, Is.Null);
            Assert.That(inheritedDeadline, Is.EqualTo(before + TimeSpan.FromMinutes(4)).Within(Tolerance), "the proposal's commit timeout travels with it");
            Assert.That(test.Invoker.OptionsOf("CommitStatus").Deadline, Is.EqualTo(before + TimeSpan.FromSeconds(7)).Within(Tolerance));
            Assert.That(test.Invoker.OptionsOf("Evaluate").Deadline, Is.EqualTo(before + TimeSpan.FromSeconds(5)).Within(Tolerance), "empty call options keep the default");
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task GetStatusAsync_OfflineSignedCommit_UsesGatewayDefaultUnlessCallOptionsSayOtherwise()
    {
        // Arrange
        using var test = new TestGateway(configure: options => options.CommitStatusTimeout = null);
        var submitted = await test.Contract.StartSubmitAsync("Issue", new ProposalOptions { CommitStatusTimeout = TimeSpan.FromMinutes(4) }).DefaultTimeout();
        var commit = test.Gateway.NewSignedCommit(submitted.GetBytes(), await test.User.Signer.SignAsync(submitted.GetDigest()));
        var before = DateTime.UtcNow;

        // Act
        await commit.GetStatusAsync().DefaultTimeout();
        var defaultDeadline = test.Invoker.OptionsOf("CommitStatus").Deadline;
        await commit.GetStatusAsync(new GatewayCallOptions { Timeout = TimeSpan.FromSeconds(30) }).DefaultTimeout();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(defaultDeadline, Is.Null, "offline bytes carry no timeouts");
            Assert.That(test.Invoker.OptionsOf("CommitStatus").Deadline, Is.EqualTo(before + TimeSpan.FromSeconds(30)).Within(Tolerance));
        });
    }

    [TestCase(0)]
    [TestCase(-5)]
    public void Timeouts_NotPositiveAndNotInfinite_ThrowArgumentExceptionNamingTheSetting(int seconds)
    {
        // Arrange
        var value = TimeSpan.FromSeconds(seconds);

        // Act and Assert
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<ArgumentException>(() => _ = new GatewayCallOptions { Timeout = value })!.Message, Does.Contain("GatewayCallOptions.Timeout"));
            Assert.That(Assert.Throws<ArgumentException>(() => _ = new ProposalOptions { EvaluateTimeout = value })!.Message, Does.Contain("ProposalOptions.EvaluateTimeout"));
            Assert.That(Assert.Throws<ArgumentException>(() => _ = new ProposalOptions { EndorseTimeout = value })!.Message, Does.Contain("ProposalOptions.EndorseTimeout"));
            Assert.That(Assert.Throws<ArgumentException>(() => _ = new ProposalOptions { SubmitTimeout = value })!.Message, Does.Contain("ProposalOptions.SubmitTimeout"));
            Assert.That(Assert.Throws<ArgumentException>(() => _ = new ProposalOptions { CommitStatusTimeout = value })!.Message, Does.Contain("ProposalOptions.CommitStatusTimeout"));
        });
    }
}
