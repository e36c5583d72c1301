using System.Text.Json;
using System.Text.Json.Serialization;

namespace FabricFinance.IntegrationTests.Docker;

/// <summary>
/// The containers of the docker backend as <c>scripts/network.sh up --backend docker --no-start</c> describes them in
/// <c>.run/docker/nodes.json</c>: who they run as, what they mount, and one entry per orderer and peer.
/// </summary>
internal sealed record DockerPlan(
    [property: JsonPropertyName("user")] string User,
    [property: JsonPropertyName("mounts")] IReadOnlyList<DockerMount> Mounts,
    [property: JsonPropertyName("nodes")] IReadOnlyList<DockerNode> Nodes)
{
    public static DockerPlan Load(string path) =>
        JsonSerializer.Deserialize<DockerPlan>(File.ReadAllText(path)) ?? throw new InvalidOperationException($"{path} is empty.");
}

/// <summary>A host folder mounted at the same path inside every container.</summary>
internal sealed record DockerMount(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("readOnly")] bool ReadOnly);

/// <summary>One orderer or peer: its container name, image and environment file (the native process's environment).</summary>
internal sealed record DockerNode(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("container")] string Container,
    [property: JsonPropertyName("image")] string Image,
    [property: JsonPropertyName("envFile")] string EnvFile);
