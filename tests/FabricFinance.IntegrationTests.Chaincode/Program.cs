using FabricFinance.Chaincode.Hosting;
using FabricFinance.IntegrationTests.Chaincode;

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddChaincodeServer<ProbeChaincode>();
var app = builder.Build();
app.MapChaincodeService();
await app.RunAsync().ConfigureAwait(false);
