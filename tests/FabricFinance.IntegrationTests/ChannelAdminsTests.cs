using System.Diagnostics;
using System.Text.Json.Nodes;
using FabricFinance.IntegrationTests.Infrastructure;

namespace FabricFinance.IntegrationTests;

/// <summary>
/// The channel's vote (network/README.md, "Rights"): changing the application's configuration needs
/// the admins of 2 of the 3 voting orgs (Exchange, BankA, BankB); the Regulator's signature does not
/// count. The change tried here adds an ACL entry for an unused resource name, harmless to the rest.
/// </summary>
[TestFixture]
[Category("Integration")]
[CancelAfter(120_000)]
public sealed class ChannelAdminsTests
{
    /// <summary>The temporary folders a test made (config blocks, JSON, the update envelope), deleted after it.</summary>
    private readonly List<string> _folders = [];

    [TearDown]
    public void DeleteFolders()
    {
        foreach (var folder in _folders)
        {
            Directory.Delete(folder, recursive: true);
        }

        _folders.Clear();
    }

    [Test]
    public async Task ConfigUpdate_OneBankAdminOrWithTheRegulator_SignatureSetRefused(CancellationToken cancellationToken)
    {
        // Arrange
        var alone = await NewAclUpdateAsync(cancellationToken);
        var withRegulator = await NewAclUpdateAsync(cancellationToken);
        await PeerCli.RunAsync(FabricNetwork.Regulator, "Admin", ["channel", "signconfigtx", "-f", withRegulator.Path], cancellationToken);

        // Act
        var aloneError = Assert.ThrowsAsync<InvalidOperationException>(() => UpdateAsBankAAdminAsync(alone.Path, cancellationToken));
        var withRegulatorError = Assert.ThrowsAsync<InvalidOperationException>(() => UpdateAsBankAAdminAsync(withRegulator.Path, cancellationToken));

        // Assert
        Assert.That(aloneError!.Message, Does.Contain("BAD_REQUEST").And.Contain("signature set did not satisfy policy"));
        Assert.That(withRegulatorError!.Message, Does.Contain("BAD_REQUEST").And.Contain("signature set did not satisfy policy"));
        Assert.That(await AclAsync(alone.Resource, cancellationToken), Is.Null);
    }

    [Test]
    public async Task ConfigUpdate_TwoBankAdmins_Applied(CancellationToken cancellationToken)
    {
        // Arrange
        var update = await NewAclUpdateAsync(cancellationToken);
        await PeerCli.RunAsync(FabricNetwork.BankB, "Admin", ["channel", "signconfigtx", "-f", update.Path], cancellationToken);

        // Act: BankA's admin signs too while sending it.
        await UpdateAsBankAAdminAsync(update.Path, cancellationToken);

        // Assert
        Assert.That(await AclAsync(update.Resource, cancellationToken), Is.EqualTo("/Channel/Application/Readers"));
    }

    private static Task<string> UpdateAsBankAAdminAsync(string path, CancellationToken cancellationToken)
    {
        var profile = FabricNetwork.Profile;
        return PeerCli.RunAsync(FabricNetwork.BankA, "Admin",
            ["channel", "update", "-f", path, "-c", profile.Channel, "-o", profile.Orderer.Address, "--tls", "--cafile", profile.Orderer.TlsCaCert],
            cancellationToken);
    }

    /// <summary>The channel's current configuration, fetched by the Regulator (a reader).</summary>
    private static async Task<JsonNode> FetchConfigAsync(string directory, CancellationToken cancellationToken)
    {
        var profile = FabricNetwork.Profile;
        var block = Path.Combine(directory, "config.pb");
        await PeerCli.RunAsync(FabricNetwork.Regulator, "User1",
            ["channel", "fetch", "config", block, "-c", profile.Channel, "-o", profile.Orderer.Address, "--tls", "--cafile", profile.Orderer.TlsCaCert],
            cancellationToken);
        var json = await ConfigTxLatorAsync(["proto_decode", "--input", block, "--type", "common.Block"], cancellationToken);
        return JsonNode.Parse(json)!["data"]!["data"]![0]!["payload"]!["data"]!["config"]!;
    }

    private async Task<string?> AclAsync(string resource, CancellationToken cancellationToken)
    {
        var directory = NewFolder();
        var config = await FetchConfigAsync(directory, cancellationToken);
        return config["channel_group"]!["groups"]!["Application"]!["values"]!["ACLs"]!["value"]!["acls"]![resource]?["policy_ref"]?.GetValue<string>();
    }

    /// <summary>An unsigned config update envelope adding an ACL for a new resource name.</summary>
    private async Task<(string Path, string Resource)> NewAclUpdateAsync(CancellationToken cancellationToken)
    {
        var directory = NewFolder();
        var resource = "fabfin/" + Ids.New("vote");
        var original = await FetchConfigAsync(directory, cancellationToken);
        var updated = original.DeepClone();
        updated["channel_group"]!["groups"]!["Application"]!["values"]!["ACLs"]!["value"]!["acls"]![resource] =
            new JsonObject { ["policy_ref"] = "/Channel/Application/Readers" };
        var (originalJson, updatedJson) = (Path.Combine(directory, "original.json"), Path.Combine(directory, "updated.json"));
        await File.WriteAllTextAsync(originalJson, original.ToJsonString(), cancellationToken);
        await File.WriteAllTextAsync(updatedJson, updated.ToJsonString(), cancellationToken);
        var (originalPb, updatedPb, updatePb) = (Path.Combine(directory, "original.pb"), Path.Combine(directory, "updated.pb"), Path.Combine(directory, "update.pb"));
        await ConfigTxLatorAsync(["proto_encode", "--input", originalJson, "--type", "common.Config", "--output", originalPb], cancellationToken);
        await ConfigTxLatorAsync(["proto_encode", "--input", updatedJson, "--type", "common.Config", "--output", updatedPb], cancellationToken);
        await ConfigTxLatorAsync(["compute_update", "--channel_id", FabricNetwork.Profile.Channel, "--original", originalPb, "--updated", updatedPb, "--output", updatePb], cancellationToken);
        var configUpdate = JsonNode.Parse(await ConfigTxLatorAsync(["proto_decode", "--input", updatePb, "--type", "common.ConfigUpdate"], cancellationToken));
        var envelope = new JsonObject
        {
            ["payload"] = new JsonObject
            {
                ["header"] = new JsonObject { ["channel_header"] = new JsonObject { ["channel_id"] = FabricNetwork.Profile.Channel, ["type"] = 2 } },
                ["data"] = new JsonObject { ["config_update"] = configUpdate },
            },
        };
        var (envelopeJson, envelopePb) = (Path.Combine(directory, "envelope.json"), Path.Combine(directory, "envelope.pb"));
        await File.WriteAllTextAsync(envelopeJson, envelope.ToJsonString(), cancellationToken);
        await ConfigTxLatorAsync(["proto_encode", "--input", envelopeJson, "--type", "common.Envelope", "--output", envelopePb], cancellationToken);
        return (envelopePb, resource);
    }

    private string NewFolder()
    {
        var folder = Directory.CreateTempSubdirectory("fabfin-acl-").FullName;
        _folders.Add(folder);
        return folder;
    }

    private static async Task<string> ConfigTxLatorAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var bin = FabricBinaries.Locate(Repository.Root, out var reason) ?? throw new InvalidOperationException(reason);
        var start = new ProcessStartInfo(Path.Combine(bin, "configtxlator")) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start configtxlator.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var (output, errors) = (await stdout, await stderr);
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"configtxlator {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{errors}");
    }
}
