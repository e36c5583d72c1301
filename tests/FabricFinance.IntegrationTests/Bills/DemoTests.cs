using System.Diagnostics;
using System.Text;
using FabricFinance.IntegrationTests.Infrastructure;

namespace FabricFinance.IntegrationTests.Bills;

/// <summary>
/// The README's first command: <c>fabfin demo</c>, run as scripts/demo.sh runs it (the built CLI as its own process),
/// on the fixture's network, where <see cref="BillMarketFixture"/> deployed the bill chaincode and already initialized
/// the ledger and admitted the parties: the demo must take that in its stride and walk its bill to Paid.
/// </summary>
[Category("Integration")]
public sealed class DemoTests
{
    private static readonly string CliProject = Path.Combine("client", "src", "FabricFinance.Bills.Cli");

    [Test]
    [CancelAfter(300_000)]
    public async Task Demo_OnAnInitializedMarket_ExitsZeroAndEndsWithTheBillPaid(CancellationToken ct)
    {
        // Arrange
        var fabfin = await BuildCliAsync(ct);
        var network = Path.Combine(Repository.NetworkState, ".run", "network.json");

        // Act
        var (exitCode, output) = await RunAsync("dotnet", [fabfin, "demo", "--network", network], ct);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Zero, output);
            Assert.That(output, Does.Contain("InitLedger → already initialized"), "the fixture initialized the ledger: the demo goes on");
            Assert.That(output, Does.Contain("FORBIDDEN"), "a bystander bank reads the deal's terms");
            Assert.That(output, Does.Match(@"DEMO-[0-9a-f]{8}\.1 is Paid"), "the final status");
        });
    }

    /// <summary>Builds the CLI in this test run's configuration (a no-op when scripts/test.sh built the solution) and returns its dll.</summary>
    private static async Task<string> BuildCliAsync(CancellationToken ct)
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent?.Name ?? "Debug";
        var (exitCode, output) = await RunAsync("dotnet", ["build", CliProject, "-c", configuration, "-nologo", "-v", "q"], ct);
        Assert.That(exitCode, Is.Zero, $"dotnet build {CliProject} failed:\n{output}");
        var dll = Path.Combine(Repository.Root, CliProject, "bin", configuration, "net10.0", "fabfin.dll");
        Assert.That(dll, Does.Exist);
        return dll;
    }

    /// <summary>Runs a process from the repository root, without colours, and returns its exit code and everything it wrote.</summary>
    private static async Task<(int ExitCode, string Output)> RunAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = new StringBuilder();
        var stdout = PumpAsync(process.StandardOutput, output);
        var stderr = PumpAsync(process.StandardError, output);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        await Task.WhenAll(stdout, stderr);
        var text = output.ToString();
        await TestContext.Progress.WriteLineAsync($"$ {fileName} {string.Join(' ', arguments)}\n{text}");
        return (process.ExitCode, text);
    }

    private static async Task PumpAsync(StreamReader reader, StringBuilder sink)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (sink)
            {
                sink.AppendLine(line);
            }
        }
    }
}
