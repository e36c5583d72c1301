using FabricFinance.Benchmarks.Noop.Chaincode;
using FabricFinance.Chaincode.Contracts;
using FabricFinance.Chaincode.Hosting;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddContracts().AddContract<NoopContract>();
builder.AddChaincodeServer();   // CHAINCODE_SERVER_ADDRESS, CHAINCODE_ID, CHAINCODE_TLS_*, as the bill service
var app = builder.Build();
app.MapChaincodeService();
await app.RunAsync().ConfigureAwait(false);
