using System.IO.Compression;
using System.Xml.Linq;
using FabricFinance.Tests.Packaging;

namespace FabricFinance.Packaging.Tests;

/// <summary>
/// Packs with <c>scripts/pack.sh</c> into a temporary folder feed, inspects the packages, and restores, builds and runs
/// a console app that consumes FabricFinance.Client from that feed plus the machine's usual NuGet sources.
/// </summary>
[NonParallelizable]
public class PackagingTests
{
    private PackagedSample _sample = null!;

    private string _feed = null!;

    private string _packOutput = string.Empty;

    private string Version => _sample.Version;

    [OneTimeSetUp]
    public async Task PackAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        _sample = await PackagedSample.PackAsync("ci", timeout.Token);
        (_feed, _packOutput) = (_sample.Feed, _sample.PackOutput);
        await TestContext.Progress.WriteLineAsync(_packOutput);
    }

    [OneTimeTearDown]
    public void DeleteWorkDirectory() => _sample?.Dispose();

    [Test]
    public void Pack_Output_HasPackageAndSymbolPackageForEveryLibraryAndNoWarnings()
    {
        // Act
        var files = Directory.GetFiles(_feed).Select(Path.GetFileName);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(files, Is.EquivalentTo(new[]
            {
                $"FabricFinance.Client.{Version}.nupkg",
                $"FabricFinance.Client.{Version}.snupkg",
                $"Hyperledger.Fabric.Protos.{Version}.nupkg",
                $"Hyperledger.Fabric.Protos.{Version}.snupkg",
                $"FabricFinance.Chaincode.{Version}.nupkg",
                $"FabricFinance.Chaincode.{Version}.snupkg",
                $"FabricFinance.Chaincode.Testing.{Version}.nupkg",
                $"FabricFinance.Chaincode.Testing.{Version}.snupkg",
                $"FabricFinance.Bills.Model.{Version}.nupkg",
                $"FabricFinance.Bills.Model.{Version}.snupkg",
                $"FabricFinance.Bills.Client.{Version}.nupkg",
                $"FabricFinance.Bills.Client.{Version}.snupkg",
                $"FabricFinance.Bills.Cli.{Version}.nupkg",
                $"FabricFinance.Bills.Cli.{Version}.snupkg",
            }));
            Assert.That(_packOutput, Does.Not.Contain("warning"), "pack output has warnings");
        });
    }

    [TestCase("FabricFinance.Client")]
    [TestCase("Hyperledger.Fabric.Protos")]
    [TestCase("FabricFinance.Chaincode")]
    [TestCase("FabricFinance.Chaincode.Testing")]
    [TestCase("FabricFinance.Bills.Model")]
    [TestCase("FabricFinance.Bills.Client")]
    public void Package_Contents_LibraryXmlDocsReadmeAndLicenseExpression(string id)
    {
        // Arrange
        using var package = ZipFile.OpenRead(Path.Combine(_feed, $"{id}.{Version}.nupkg"));

        // Act
        var entries = package.Entries.Select(e => e.FullName).ToList();
        var nuspec = ReadNuspec(package, id);
        var metadata = nuspec.Root!.Element(nuspec.Root.Name.Namespace + "metadata")!;
        string? Value(string name) => metadata.Element(metadata.Name.Namespace + name)?.Value;

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(entries, Does.Contain($"lib/net10.0/{id}.dll"));
            Assert.That(entries, Does.Contain($"lib/net10.0/{id}.xml"), "XML documentation");
            Assert.That(entries, Does.Contain("README.md"));
            Assert.That(Value("readme"), Is.EqualTo("README.md"));
            Assert.That(Value("license"), Is.EqualTo("Apache-2.0"));
            Assert.That(Value("version"), Is.EqualTo(Version));
            Assert.That(Value("description"), Is.Not.Empty);
        });
    }

    [Test]
    public void ClientPackage_Dependencies_ProtosAtTheSameVersionAndNoTestOrBuildOnlyPackages()
    {
        // Arrange
        using var package = ZipFile.OpenRead(Path.Combine(_feed, $"FabricFinance.Client.{Version}.nupkg"));
        var nuspec = ReadNuspec(package, "FabricFinance.Client");

        // Act
        var dependencies = nuspec.Descendants(nuspec.Root!.Name.Namespace + "dependency")
            .ToDictionary(d => d.Attribute("id")!.Value, d => d.Attribute("version")!.Value);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(dependencies["Hyperledger.Fabric.Protos"], Is.EqualTo(Version));
            Assert.That(dependencies.Keys, Does.Contain("Grpc.Net.Client").And.Contain("BouncyCastle.Cryptography").And.Contain("Pkcs11Interop"));
            Assert.That(dependencies.Keys, Has.None.StartsWith("Microsoft.SourceLink").And.None.StartsWith("Grpc.Tools"));
        });
    }

    [TestCase("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit", "ChaincodeThreadPoolSpinLimit", "0")]
    [TestCase("System.Threading.ThreadPool.MinThreads", "ChaincodeThreadPoolMinThreads", "1")]
    public void ChaincodePackage_BuildTransitive_SetsTheThreadPoolForServiceExecutables(string setting, string property, string value)
    {
        // Arrange
        using var package = ZipFile.OpenRead(Path.Combine(_feed, $"FabricFinance.Chaincode.{Version}.nupkg"));
        var entry = package.GetEntry("buildTransitive/FabricFinance.Chaincode.targets");
        Assert.That(entry, Is.Not.Null, "buildTransitive/FabricFinance.Chaincode.targets is in the package");

        // Act
        using var stream = entry!.Open();
        var targets = XDocument.Load(stream);
        var ns = targets.Root!.Name.Namespace;
        var option = targets.Descendants(ns + "RuntimeHostConfigurationOption").Single(o => o.Attribute("Include")!.Value == setting);
        var defaultValue = targets.Descendants(ns + property).Single();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(option.Attribute("Value")!.Value, Is.EqualTo($"$({property})"));
            Assert.That(option.Parent!.Attribute("Condition")!.Value, Does.Contain("'$(OutputType)' == 'Exe'"), "only executables get it");
            Assert.That(option.Parent!.Attribute("Condition")!.Value, Does.Contain($"'$({property})' != 'default'"), "`default` leaves the runtime's setting");
            Assert.That(defaultValue.Value, Is.EqualTo(value));
        });
    }

    [TestCase("FabricFinance.Client")]
    [TestCase("Hyperledger.Fabric.Protos")]
    [TestCase("FabricFinance.Chaincode")]
    [TestCase("FabricFinance.Chaincode.Testing")]
    [TestCase("FabricFinance.Bills.Model")]
    [TestCase("FabricFinance.Bills.Client")]
    public void SymbolPackage_Contents_PortablePdb(string id)
    {
        // Arrange
        using var package = ZipFile.OpenRead(Path.Combine(_feed, $"{id}.{Version}.snupkg"));

        // Act
        var entries = package.Entries.Select(e => e.FullName);

        // Assert
        Assert.That(entries, Does.Contain($"lib/net10.0/{id}.pdb"));
    }

    [Test]
    public async Task SampleApp_RestoredFromLocalFeed_BuildsAndSignsAProposalOffline()
    {
        // Arrange
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));

        // Act
        var build = await _sample.BuildAppAsync(timeout.Token);
        Assert.That(build.ExitCode, Is.Zero, $"dotnet build of the sample failed:\n{build.Output}");
        var run = await _sample.RunAppAsync([], timeout.Token);

        // Assert
        var restored = Path.Combine(_sample.Work.FullName, "packages", "fabricfinance.client", _sample.Version);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, $"the sample failed:\n{run.Output}");
            Assert.That(run.Output, Does.Contain("signature verifies: True"));
            Assert.That(run.Output, Does.Match("proposal digest \\(SHA-256\\): [0-9a-f]{64}"));
            Assert.That(Directory.Exists(restored), Is.True, $"FabricFinance.Client {_sample.Version} was restored from the local feed into {restored}");
        });
    }

    [Test]
    public void BillsClientPackage_Dependencies_ClientAndModelAtTheSameVersion()
    {
        // Arrange
        using var package = ZipFile.OpenRead(Path.Combine(_feed, $"FabricFinance.Bills.Client.{Version}.nupkg"));
        var nuspec = ReadNuspec(package, "FabricFinance.Bills.Client");

        // Act
        var dependencies = nuspec.Descendants(nuspec.Root!.Name.Namespace + "dependency")
            .ToDictionary(d => d.Attribute("id")!.Value, d => d.Attribute("version")!.Value);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(dependencies["FabricFinance.Client"], Is.EqualTo(Version));
            Assert.That(dependencies["FabricFinance.Bills.Model"], Is.EqualTo(Version));
        });
    }

    [Test]
    public async Task ToolPackage_InstalledFromLocalFeed_RunsFabfinHelpWithoutANetwork()
    {
        // Arrange
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var toolPath = Path.Combine(_sample.Work.FullName, "tools");
        using (var package = ZipFile.OpenRead(Path.Combine(_feed, $"FabricFinance.Bills.Cli.{Version}.nupkg")))
        {
            var nuspec = ReadNuspec(package, "FabricFinance.Bills.Cli");
            Assert.That(nuspec.Descendants(nuspec.Root!.Name.Namespace + "packageType").Select(t => t.Attribute("name")!.Value), Does.Contain("DotnetTool"));
            Assert.That(package.Entries.Select(e => e.FullName), Does.Contain("tools/net10.0/any/fabfin.dll"));
        }

        // Act
        var install = await ProcessRunner.RunAsync(
            "dotnet", ["tool", "install", "--tool-path", toolPath, "--add-source", _feed, "--version", Version, "FabricFinance.Bills.Cli"], _sample.Work.FullName, timeout.Token);
        Assert.That(install.ExitCode, Is.Zero, $"dotnet tool install failed:\n{install.Output}");
        var help = await ProcessRunner.RunAsync(Path.Combine(toolPath, "fabfin"), ["--help"], _sample.Work.FullName, timeout.Token);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(help.ExitCode, Is.Zero, help.Output);
            Assert.That(help.Output, Does.Contain("USAGE:").And.Contain("bill").And.Contain("deal").And.Contain("watch"));
        });
    }

    private static XDocument ReadNuspec(ZipArchive package, string id)
    {
        using var stream = package.GetEntry($"{id}.nuspec")!.Open();
        return XDocument.Load(stream);
    }
}
