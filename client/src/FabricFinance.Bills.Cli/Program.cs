using FabricFinance.Bills.Cli;

// Ctrl+C cancels the running command (watch stops; a transaction waiting for its commit stops waiting).
// A second Ctrl+C ends the process at once.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};

return await FabfinApp.RunAsync(args, cancellation.Token);
