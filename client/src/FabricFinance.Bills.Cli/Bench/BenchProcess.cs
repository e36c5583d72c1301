namespace FabricFinance.Bills.Cli.Bench;

/// <summary>A process whose CPU time and memory a run measures.</summary>
/// <param name="Name">The network's name for it (<c>peer0.banka.example.com</c>, <c>chaincode-bills</c>, <c>driver</c>).</param>
/// <param name="Role">What it is.</param>
/// <param name="Pid">Its process id.</param>
internal sealed record BenchProcess(string Name, ProcessRole Role, int Pid)
{
    /// <summary>Gets the name a chaincode's service is recorded under by scripts/network.sh.</summary>
    public static string ChaincodeServiceName(string chaincode) => "chaincode-" + chaincode;

    /// <summary>Gets a short name for tables: the host part of a node name (<c>peer0.banka</c>), else the name.</summary>
    public string ShortName
    {
        get
        {
            if (Role is not (ProcessRole.Peer or ProcessRole.Orderer))
            {
                return Name;
            }

            var labels = Name.Split('.');
            return labels.Length > 2 && Role == ProcessRole.Peer ? labels[0] + "." + labels[1] : labels[0];
        }
    }
}
