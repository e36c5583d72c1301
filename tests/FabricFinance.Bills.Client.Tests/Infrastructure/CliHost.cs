using FabricFinance.Bills.Cli;
using FabricFinance.Bills.Cli.Infrastructure;
using Spectre.Console.Cli.Testing;
using Spectre.Console.Testing;

namespace FabricFinance.Bills.Client.Tests.Infrastructure;

/// <summary>
/// Runs fabfin in-process through Spectre's <see cref="CommandAppTester"/>, on a sample network.json and a fake
/// gateway.
/// </summary>
internal sealed class CliHost : IDisposable
{
    public CliHost(SampleNetwork network)
    {
        Network = network;
        Gateway = new FakeGateway();
        Peers = new FakePeerConnector(Gateway);
        Heights = new FakePeerHeights();
        Out = new TestConsole().Width(250);
        Error = new TestConsole().Width(250);
        CurrentDirectory = network.Root;
    }

    public SampleNetwork Network { get; }

    public FakeGateway Gateway { get; }

    public FakePeerConnector Peers { get; }

    public FakePeerHeights Heights { get; }

    public TestConsole Out { get; }

    public TestConsole Error { get; }

    public Dictionary<string, string> Variables { get; } = [];

    public string CurrentDirectory { get; set; }

    /// <summary>Gets the standard error text of the last run.</summary>
    public string ErrorText => Error.Output;

    public Task<CommandAppResult> RunAsync(params string[] args) => RunAsync(args, CancellationToken.None);

    public async Task<CommandAppResult> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var consoles = new CliConsoles(Out, Error);
        var environment = new CliEnvironment(CurrentDirectory, name => Variables.GetValueOrDefault(name));
        var tester = new CommandAppTester(
            new TypeRegistrar(FabfinApp.Services(consoles, environment, Peers, Heights)),
            new CommandAppTesterSettings { TrimConsoleOutput = true },
            Out);
        tester.Configure(config => FabfinApp.Configure(config, consoles));
        return await tester.RunAsync(args, cancellationToken);
    }

    public void Dispose()
    {
        Out.Dispose();
        Error.Dispose();
    }
}
