using System.Text;
using System.Text.Json.Nodes;

namespace FabricFinance.Chaincode.Contracts.Internal;

/// <summary>
/// Writes the answer of <c>org.hyperledger.fabric:GetMetadata</c>: the contracts, their
/// transactions with parameter and result schemas, and the shared object schemas, in the layout of
/// Fabric's contract metadata schema. Built once; every name is in ordinal order so the bytes are stable.
/// </summary>
internal static class ContractMetadata
{
    public const string SchemaUrl = "https://hyperledger.github.io/fabric-chaincode-node/main/api/contract-schema.json";

    public static byte[] Build(
        string title,
        string version,
        string? description,
        IEnumerable<ContractDescriptor> contracts,
        ContractDescriptor? defaultContract,
        IDictionary<string, JsonObject> components)
    {
        var contractNodes = new JsonObject();
        foreach (var contract in contracts.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            contractNodes[contract.Name] = Contract(
                contract.Name,
                Info(contract.Title, contract.Version, contract.Description),
                contract.Transactions.Values.OrderBy(t => t.Name, StringComparer.Ordinal).Select(Transaction),
                contract == defaultContract);
        }

        contractNodes[ContractRouter.SystemContractName] = Contract(
            ContractRouter.SystemContractName,
            Info("Fabric system contract", "latest", "Describes the contracts of this chaincode."),
            [new JsonObject
            {
                ["name"] = ContractRouter.GetMetadataTransactionName,
                ["tag"] = new JsonArray("EVALUATE"),
                ["parameters"] = new JsonArray(),
                ["returns"] = new JsonObject { ["type"] = "string" },
            }],
            isDefault: false);

        var schemas = new JsonObject();
        foreach (var (name, schema) in components.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            schemas[name] = schema.DeepClone();
        }

        var root = new JsonObject
        {
            ["$schema"] = SchemaUrl,
            ["info"] = Info(title, version, description),
            ["contracts"] = contractNodes,
            ["components"] = new JsonObject { ["schemas"] = schemas },
        };
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private static JsonObject Info(string title, string version, string? description)
    {
        var info = new JsonObject { ["title"] = title, ["version"] = version };
        if (description is not null)
        {
            info["description"] = description;
        }

        return info;
    }

    private static JsonObject Contract(string name, JsonObject info, IEnumerable<JsonObject> transactions, bool isDefault) => new()
    {
        ["name"] = name,
        ["info"] = info,
        ["transactions"] = new JsonArray([.. transactions]),
        ["default"] = isDefault,
    };

    private static JsonObject Transaction(TransactionDescriptor transaction)
    {
        var node = new JsonObject
        {
            ["name"] = transaction.Name,
            ["tag"] = new JsonArray(transaction.Evaluate ? "EVALUATE" : "SUBMIT"),
            ["parameters"] = new JsonArray([.. transaction.Parameters.Select(p => (JsonNode)new JsonObject
            {
                ["name"] = p.Name,
                ["required"] = !p.IsOptional,
                ["schema"] = p.Schema.DeepClone(),
            })]),
        };
        if (transaction.Returns is { } returns)
        {
            node["returns"] = returns.DeepClone();
        }

        return node;
    }
}
