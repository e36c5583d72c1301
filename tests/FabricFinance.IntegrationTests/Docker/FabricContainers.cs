using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;

namespace FabricFinance.IntegrationTests.Docker;

/// <summary>
/// The docker backend's orderer and peers started by Testcontainers (UNTESTED on our machines, which have no Docker
/// engine): one container per node of <see cref="DockerPlan"/>, from Fabric's official image, with the node's
/// environment file (the same <c>CORE_*</c>/<c>ORDERER_*</c> values a native process gets), the run folder and the
/// chaincode builders mounted at their host paths, and the host's network, so every listener stays on 127.0.0.1 at
/// its <c>NODES</c> port. <c>scripts/network.sh</c> then joins them to the channel as it joins native processes.
/// </summary>
internal sealed class FabricContainers : IAsyncDisposable
{
    private readonly List<IContainer> _containers = [];

    private FabricContainers()
    {
    }

    /// <summary>Starts every node of the plan, in its order (orderers first); stops those started if one fails.</summary>
    public static async Task<FabricContainers> StartAsync(DockerPlan plan, CancellationToken cancellationToken)
    {
        var started = new FabricContainers();
        try
        {
            foreach (var node in plan.Nodes)
            {
                var builder = new ContainerBuilder(node.Image)
                    .WithName(node.Container)
                    .WithEnvironment(ReadEnvironmentFile(node.EnvFile))
                    .WithCreateParameterModifier(parameters =>
                    {
                        parameters.HostConfig ??= new();
                        parameters.HostConfig.NetworkMode = "host";
                        parameters.User = plan.User;
                    });
                foreach (var mount in plan.Mounts)
                {
                    builder = builder.WithBindMount(mount.Source, mount.Target, mount.ReadOnly ? AccessMode.ReadOnly : AccessMode.ReadWrite);
                }

                var container = builder.Build();
                started._containers.Add(container);
                await container.StartAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            await started.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return started;
    }

    /// <summary>Stops and removes the containers, peers first.</summary>
    public async ValueTask DisposeAsync()
    {
        for (var i = _containers.Count - 1; i >= 0; i--)
        {
            await _containers[i].DisposeAsync().ConfigureAwait(false);
        }

        _containers.Clear();
    }

    /// <summary>Reads <c>NAME=VALUE</c> lines; values are taken literally, as <c>docker --env-file</c> takes them.</summary>
    private static Dictionary<string, string> ReadEnvironmentFile(string path) =>
        File.ReadLines(path)
            .Where(line => line.Contains('=', StringComparison.Ordinal))
            .ToDictionary(line => line[..line.IndexOf('=', StringComparison.Ordinal)], line => line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..], StringComparer.Ordinal);
}
