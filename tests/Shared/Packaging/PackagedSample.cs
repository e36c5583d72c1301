namespace FabricFinance.Tests.Packaging;

/// <summary>
/// Packs the NuGet packages into a folder feed with <c>scripts/pack.sh</c>, and builds a fresh console
/// app (SampleApp/) that restores FabricFinance.Client from that feed plus the machine's own sources.
/// Shared by the packaging tests and the integration tests, which run the app against the network.
/// </summary>
internal sealed class PackagedSample : IDisposable
{
    private PackagedSample(DirectoryInfo work, string feed, string version, string packOutput)
    {
        Work = work;
        Feed = feed;
        Version = version;
        PackOutput = packOutput;
    }

    public DirectoryInfo Work { get; }

    public string Feed { get; }

    public string Version { get; }

    public string PackOutput { get; }

    public string AppDirectory => Path.Combine(Work.FullName, "sample");

    public static string RepositoryRoot
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "FabricFinance.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException($"No FabricFinance.sln above {AppContext.BaseDirectory}.");
        }
    }

    /// <summary>Packs every package at a fresh pre-release version; fails with pack.sh's output if it fails.</summary>
    public static async Task<PackagedSample> PackAsync(string versionPrefix, CancellationToken cancellationToken)
    {
        var version = $"0.0.0-{versionPrefix}.{DateTime.UtcNow:yyyyMMddHHmmss}";
        var work = Directory.CreateTempSubdirectory("fabfin-packaging-");
        var feed = Directory.CreateDirectory(Path.Combine(work.FullName, "feed")).FullName;
        var (exitCode, output) = await ProcessRunner.RunAsync(
            "bash",
            [Path.Combine(RepositoryRoot, "scripts", "pack.sh"), "--output", feed, "--version", version],
            RepositoryRoot,
            cancellationToken);
        if (exitCode != 0)
        {
            work.Delete(recursive: true);
            throw new InvalidOperationException($"scripts/pack.sh failed:\n{output}");
        }

        return new PackagedSample(work, feed, version, output);
    }

    /// <summary>Writes the sample app from its templates and builds it against the packed packages.</summary>
    public async Task<(int ExitCode, string Output)> BuildAppAsync(CancellationToken cancellationToken)
    {
        var app = Directory.CreateDirectory(AppDirectory).FullName;
        var templates = Path.Combine(AppContext.BaseDirectory, "SampleApp");
        File.Copy(Path.Combine(templates, "Program.cs"), Path.Combine(app, "Program.cs"), overwrite: true);
        await File.WriteAllTextAsync(
            Path.Combine(app, "Sample.csproj"),
            (await File.ReadAllTextAsync(Path.Combine(templates, "Sample.csproj.template"), cancellationToken)).Replace("@VERSION@", Version, StringComparison.Ordinal),
            cancellationToken);
        await File.WriteAllTextAsync(
            Path.Combine(app, "nuget.config"),
            (await File.ReadAllTextAsync(Path.Combine(templates, "nuget.config.template"), cancellationToken))
                .Replace("@FEED@", Feed, StringComparison.Ordinal)
                .Replace("@PACKAGES@", Path.Combine(Work.FullName, "packages"), StringComparison.Ordinal)
                .Replace("@MACHINE_PACKAGES@", MachinePackagesFolder(), StringComparison.Ordinal),
            cancellationToken);
        return await ProcessRunner.RunAsync("dotnet", ["build", "-c", "Release", "-nologo", "-v", "minimal"], app, cancellationToken);
    }

    /// <summary>Runs the built sample app with the given arguments.</summary>
    public Task<(int ExitCode, string Output)> RunAppAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        ProcessRunner.RunAsync("dotnet", ["run", "-c", "Release", "--no-build", "--", .. arguments], AppDirectory, cancellationToken);

    public void Dispose() => Work.Delete(recursive: true);

    /// <summary>The machine's global packages folder, used as a read-only fallback so restore does not download again.</summary>
    private static string MachinePackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}
