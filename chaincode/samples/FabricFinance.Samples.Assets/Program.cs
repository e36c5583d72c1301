using FabricFinance.Chaincode.Hosting;
using FabricFinance.Samples.Assets;

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddChaincodeServer<AssetChaincode>();
var app = builder.Build();
app.MapChaincodeService();
await app.RunAsync().ConfigureAwait(false);
