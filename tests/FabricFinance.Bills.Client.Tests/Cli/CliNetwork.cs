using FabricFinance.Bills.Client.Tests.Infrastructure;

namespace FabricFinance.Bills.Client.Tests.Cli;

/// <summary>One sample network.json (and its credential files) for every CLI test, removed at the end.</summary>
[SetUpFixture]
public sealed class CliNetwork
{
    private static SampleNetwork? _sample;

    internal static SampleNetwork Sample => _sample ?? throw new InvalidOperationException("The CLI set-up fixture has not run.");

    [OneTimeSetUp]
    public void CreateSample() => _sample = new SampleNetwork();

    [OneTimeTearDown]
    public void DeleteSample()
    {
        _sample?.Dispose();
        _sample = null;
    }
}
