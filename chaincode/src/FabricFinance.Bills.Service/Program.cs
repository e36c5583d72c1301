using FabricFinance.Bills.Contract;
using FabricFinance.Chaincode.Contracts;
using FabricFinance.Chaincode.Hosting;

var builder = WebApplication.CreateSlimBuilder(args);
if (string.Equals(builder.Configuration["Logging:Console:FormatterName"], "json", StringComparison.OrdinalIgnoreCase))
{
    builder.Logging.AddJsonConsole();   // the slim builder always picks the simple format; honour the standard setting
}

builder.Services.AddContracts().AddContract<BillContract>();
builder.AddChaincodeServer();   // CHAINCODE_SERVER_ADDRESS, CHAINCODE_ID, CHAINCODE_TLS_*, keepalive, grace period
var app = builder.Build();
app.MapChaincodeService();      // protos.Chaincode and grpc.health.v1.Health
await app.RunAsync().ConfigureAwait(false);
